#!/usr/bin/env node
// Start a throwaway 3-node MariaDB Galera cluster on loopback ports (for the cluster test).
//   node scripts/galera.mjs --check   start, wait for wsrep_cluster_size=3, print the state, stop
//   node scripts/galera.mjs           start and keep running until Ctrl-C, printing the three URLs
// Node 1 bootstraps the cluster (--wsrep-new-cluster); nodes 2 and 3 join it and receive a state
// snapshot by rsync (SST). Each node can be killed (SIGKILL) and started again to rejoin (IST/SST).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './mariadb.mjs';

export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';

function which(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

export function galeraAvailable() {
  return Boolean(which('mariadbd') && which('mariadb-install-db') && existsSync(GALERA_PROVIDER) && which('rsync'));
}

function canConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One statement through the mariadb client (10 s at most); its tab-separated output, or null. */
export function sql(port, statement) {
  const client = which('mariadb') ?? which('mysql');
  const r = spawnSync(client, ['-h127.0.0.1', `-P${port}`, '-uroot', '-N', '-B', '-e', statement], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** wsrep status of one node: { size, state, ready } or null when it does not answer. */
export function wsrepStatus(port) {
  const out = sql(port, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready','wsrep_cluster_status')");
  if (out === null) return null;
  const kv = Object.fromEntries(out.split('\n').map((l) => l.split('\t')));
  return { size: Number(kv.wsrep_cluster_size ?? 0), state: kv.wsrep_local_state_comment, ready: kv.wsrep_ready === 'ON', status: kv.wsrep_cluster_status };
}

/**
 * Start the cluster in a temp dir. Returns { nodes: [{ url, port, kill(), start(), stop() }], waitForSize(n), stop() }.
 * `node.kill()` SIGKILLs a node (its data directory stays); `node.start()` starts it again to rejoin.
 */
export async function startGalera({ quiet = false, size = 3 } = {}) {
  const mariadbd = which('mariadbd');
  const installDb = which('mariadb-install-db');
  if (!galeraAvailable()) throw new Error(`Galera needs mariadb-server, galera-4 (${GALERA_PROVIDER}) and rsync`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongji-galera-'));
  chmodSync(dir, 0o755);
  const log = (m) => quiet || console.log(`galera: ${m}`);
  const specs = [];
  for (let i = 1; i <= size; i++) {
    specs.push({ i, data: path.join(dir, `n${i}`), port: await freePort(), gcomm: await freePort(), ist: await freePort(), sst: await freePort() });
  }
  const address = `gcomm://${specs.map((s) => `127.0.0.1:${s.gcomm}`).join(',')}`;

  const nodes = specs.map((s) => {
    let child = null;
    let exited = true;
    let stderr = '';
    const node = {
      name: `node${s.i}`,
      port: s.port,
      url: `mysql://root@127.0.0.1:${s.port}`,
      get running() { return !exited; },
      async start({ bootstrap = false } = {}) {
        mkdirSync(s.data, { recursive: true });
        if (bootstrap && !existsSync(path.join(s.data, 'mysql'))) {
          const init = spawnSync(installDb, ['--user=root', `--datadir=${s.data}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
          if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`);
        } else if (!bootstrap) {
          // A joiner receives the donor's files through an rsync daemon, which drops root for
          // "nobody" when started by root: the data directory must belong to that user.
          if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'nobody:', s.data]);
        }
        stderr = '';
        const args = [
            '--no-defaults', '--user=root', `--datadir=${s.data}`, `--socket=${path.join(dir, `n${s.i}.sock`)}`, `--port=${s.port}`,
            '--bind-address=127.0.0.1', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci',
            '--innodb-buffer-pool-size=64M', '--max-connections=300', '--innodb-flush-log-at-trx-commit=2',
            '--binlog-format=ROW', '--default-storage-engine=InnoDB', '--innodb-autoinc-lock-mode=2',
            '--wsrep-on=ON', `--wsrep-provider=${GALERA_PROVIDER}`, `--wsrep-cluster-address=${address}`,
            '--wsrep-cluster-name=gongji-test', `--wsrep-node-name=n${s.i}`, `--wsrep-node-address=127.0.0.1:${s.gcomm}`,
            '--wsrep-sst-method=rsync', `--wsrep-sst-receive-address=127.0.0.1:${s.sst}`, '--wsrep-slave-threads=2',
            // Galera's own failure detection (suspect after 5 s, evict after 15 s at most). Shorter
            // timeouts made a node that was busy catching up after a restart look dead to the others on
            // a loaded 2-core machine, which pushed it out of the cluster for good right after it synced.
            `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${s.gcomm};ist.recv_addr=127.0.0.1:${s.ist};gcache.size=64M`,
            // Debugging a failure: every statement each node received, in n<i>.general.log.
            ...(process.env.GONGJI_GALERA_GENERAL_LOG ? ['--general-log=1', `--general-log-file=${path.join(dir, `n${s.i}.general.log`)}`] : []),
          ];
        // A restart after a crash: recover the last committed position from InnoDB (what the
        // distribution's galera_recovery does), so the node catches up by IST from a peer's gcache
        // instead of a full SST — which would block its donor with FLUSH TABLES WITH READ LOCK.
        const extra = bootstrap ? ['--wsrep-new-cluster'] : [];
        if (!bootstrap && existsSync(path.join(s.data, 'grastate.dat'))) {
          const rec = spawnSync(mariadbd, [...args, '--wsrep-recover', `--log-error=${path.join(dir, `n${s.i}.recover.log`)}`], { encoding: 'utf8', timeout: 60_000 });
          const recovered = existsSync(path.join(dir, `n${s.i}.recover.log`)) ? readFileSync(path.join(dir, `n${s.i}.recover.log`), 'utf8') : `${rec.stderr}`;
          const found = /Recovered position:\s*(\S+:-?\d+)/.exec(recovered);
          // A crash in the middle of a commit can leave an InnoDB transaction prepared but not committed;
          // its fate and the recovered position are then not to be trusted (the write set may be in the
          // cluster's history and not in this node's tables). As the resource agents do: full SST instead.
          const prepared = /(\d+) transactions? in prepared state|Found (\d+) prepared transaction/i.exec(recovered);
          if (prepared && Number(prepared[1] ?? prepared[2]) > 0) {
            log(`node ${s.i}: crash recovery found prepared transactions; rejoining by full state transfer (SST)`);
            rmSync(path.join(s.data, 'grastate.dat'), { force: true });
          } else if (found && !found[1].endsWith(':-1')) extra.push(`--wsrep-start-position=${found[1]}`);
          if (size > 2 && s.i !== size) extra.push(`--wsrep-sst-donor=n${size},`);
          if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'nobody:', s.data]);
        }
        child = spawn(mariadbd, [...args, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
        exited = false;
        child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-20_000); try { appendFileSync(path.join(dir, `n${s.i}.err`), d); } catch { /* removed at stop */ } });
        child.on('exit', () => { exited = true; });
        const started = Date.now();
        while (!(await canConnect(s.port))) {
          if (exited) throw new Error(`node ${s.i} exited: ${stderr.slice(-3000)}`);
          if (Date.now() - started > 120_000) throw new Error(`node ${s.i} did not start in 120 s: ${stderr.slice(-3000)}`);
          await sleep(200);
        }
        // Synced = ready for clients (a joiner answers on its port before its state transfer ends).
        while (!(wsrepStatus(s.port)?.ready)) {
          if (exited) throw new Error(`node ${s.i} exited: ${stderr.slice(-3000)}`);
          if (Date.now() - started > 120_000) throw new Error(`node ${s.i} not synced in 120 s: ${stderr.slice(-3000)}`);
          await sleep(300);
        }
        log(`node ${s.i} ${bootstrap ? 'bootstrapped' : 'joined'} on 127.0.0.1:${s.port} in ${Date.now() - started} ms`);
      },
      /** SIGKILL: a crash. The data directory stays for a later start(). */
      async kill() {
        if (exited) return;
        child.kill('SIGKILL');
        await new Promise((r) => (exited ? r() : child.once('exit', r)));
      },
      async stop() {
        if (exited) return;
        child.kill('SIGTERM');
        await new Promise((r) => { if (exited) r(); else child.once('exit', r); setTimeout(r, 20_000); });
        if (!exited) await node.kill();
      },
      get stderr() { return stderr; },
    };
    return node;
  });

  const waitForSize = async (n, timeoutMs = 60_000) => {
    const started = Date.now();
    for (;;) {
      const sizes = nodes.filter((x) => x.running).map((x) => wsrepStatus(x.port)?.size ?? 0);
      if (sizes.length > 0 && sizes.every((v) => v === n)) return;
      if (Date.now() - started > timeoutMs) throw new Error(`cluster size is ${sizes.join('/')} after ${timeoutMs} ms, expected ${n}`);
      await sleep(300);
    }
  };

  const stop = async () => {
    // Throwaway data: no need for a clean shutdown (a last Galera node can take long to leave).
    await Promise.all(nodes.map((n) => n.kill()));
    if (process.env.GONGJI_GALERA_KEEP) console.error(`galera: logs and data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };

  try {
    const t0 = Date.now();
    await nodes[0].start({ bootstrap: true });
    for (const n of nodes.slice(1)) await n.start();
    await waitForSize(size);
    const version = sql(nodes[0].port, 'SELECT VERSION()') ?? 'MariaDB';
    log(`${version}, wsrep_cluster_size=${size} in ${Date.now() - t0} ms`);
    return { nodes, version, waitForSize, stop, dir };
  } catch (e) {
    if (process.env.GONGJI_GALERA_KEEP) console.error(`galera: failed; logs kept in ${dir}`);
    else await stop();
    throw e;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cluster = await startGalera();
  if (process.argv.includes('--check')) {
    for (const n of cluster.nodes) console.log(`${n.name}: ${JSON.stringify(wsrepStatus(n.port))}`);
    await cluster.stop();
  } else {
    for (const n of cluster.nodes) console.log(`DATABASE_URL=${n.url}/gongji`);
    console.log('(Ctrl-C stops the cluster and deletes it)');
    const stop = async () => { await cluster.stop(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
}

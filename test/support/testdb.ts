export { testDbArgs, testDbDir } from '../../scripts/example-scan.ts';

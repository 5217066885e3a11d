/**
 * Layer rules, run by `npm run lint` (part of `npm test`). The domain is pure TypeScript: it
 * may not import Nest, TypeORM, pg or node built-ins, nor any other part of this repository.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds pure decide/evolve functions: no framework, database or I/O.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        path: ['node_modules/(@nestjs|typeorm|pg|pg-[^/]+|class-validator|class-transformer|rxjs)/', '^(apps|test)/', '^libs/(?!domain/)'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

import { builder } from '../../schema/builder.ts';
import { type LabelCount, nodeCountsByLabel } from './stats.repository.ts';

const LabelCountRef = builder.objectRef<LabelCount>('LabelCount').implement({
  description: 'How many nodes carry one label.',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'A node label, e.g. `Actor` or `Event`.' }),
    count: t.exposeInt('count', { description: 'Number of nodes with that label.' }),
  }),
});

builder.queryField('nodeCounts', (t) =>
  t.field({
    type: [LabelCountRef],
    description: 'Node counts by label, read from the count store: how big the graph is right now.',
    resolve: (_root, _args, ctx) => nodeCountsByLabel(ctx.db),
  }),
);

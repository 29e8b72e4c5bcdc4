import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { ActorKindEnum } from '../common/enums.ts';
import type { ActorRow } from '../common/rows.ts';
import { ActorRef } from '../refs.ts';
import { searchActors } from './search.repository.ts';

const MAX_HITS = 50;
const MAX_TEXT = 200;

const SearchHitRef = builder.objectRef<{ actor: ActorRow; score: number }>('SearchHit').implement({
  description: 'An actor whose name or an alias matches the search, with how well.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Relevance (Lucene score); higher is better.' }),
    node: t.field({ type: ActorRef, description: 'The matched actor.', resolve: (h) => h.actor }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Full-text search over actor names and aliases in every language, ignoring accents and case: "Biélorussie", "bielorussie" and "BIÉLORUSSIE" all find Belarus. The last word also matches as a prefix, for as-you-type search. Lucene syntax is not interpreted.',
    args: {
      text: t.arg.string({
        required: true,
        description: `What to look for (at most ${MAX_TEXT} characters).`,
      }),
      kinds: t.arg({ type: [ActorKindEnum], required: false, description: 'Only actors of these kinds.' }),
      first: t.arg.int({
        required: false,
        defaultValue: 10,
        description: `How many hits, at most ${MAX_HITS}.`,
      }),
    },
    resolve: (_r, args, ctx) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_HITS) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_HITS}.`, {
          argument: 'first',
        });
      }
      if (args.text.length > MAX_TEXT) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, `text must be at most ${MAX_TEXT} characters.`, {
          argument: 'text',
        });
      }
      return searchActors(ctx.db, args.text, args.kinds ?? null, first);
    },
  }),
);

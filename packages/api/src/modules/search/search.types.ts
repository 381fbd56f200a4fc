import { Extensions, Field, ObjectType } from 'type-graphql';
import type { RegionView } from '../region/region.reader.js';
import { Category } from '../category/category.type.js';
import { Region } from '../region/region.entity.js';
import { MAX_COMPLETIONS, MAX_SUGGESTED_DISTRICTS } from './search.service.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'How the catalog read a search text and where else a buyer could look: the corrected reading, a certificate number to check, words that complete the last one, and the categories and districts the text names. `products(search:)` and `facets(search:)` read the text the same way.',
})
export class SearchSuggestions {
  @Field(() => String, { description: 'The search text as received.' })
  query!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The likeliest reading, written as the catalog writes it, when it differs from what was typed: a typo corrected ("khoo muc" → "khô mực"), Telex or VNI keystrokes decoded ("xoaif saays" → "xoài sấy"), words split or joined ("banhtrang" → "bánh tráng"). Null when the text was read as typed. Products matching this reading are already in `products(search:)`, ranked below exact matches.',
  })
  didYouMean!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A certificate number in the text, normalised ("kg ocop 2024 12" → "KG-OCOP-2024-0012"): check it with `certificate(number:)`. `products(search:)` then lists only the published product that holds it.',
  })
  certificateNumber!: string | null;

  @Extensions({ listSize: MAX_COMPLETIONS })
  @Field(() => [String], {
    description: `While the last word is being typed (the text does not end in a space): catalog words that complete it, likeliest first, at most ${MAX_COMPLETIONS}.`,
  })
  completions!: string[];

  @Extensions({ listSize: 6 })
  @Field(() => [Category], {
    description:
      'Product groups the text names ("thực phẩm", "herbs") that hold published products, in the plan’s order.',
  })
  categories!: Category[];

  @Extensions({ listSize: MAX_SUGGESTED_DISTRICTS })
  @Field(() => [Region], {
    description: `District-level units the text names ("phu quoc", "nuoc mam phu quoc") that hold published products, most products first; at most ${MAX_SUGGESTED_DISTRICTS}.`,
  })
  districts!: RegionView[];
}

import { modelOf, type Model } from './model.ts';
import { packedModel } from './model.generated.ts';

let loaded: Model | null = null;

/** The committed model, decoded on first use and shared by every compiled policy. */
export function builtinModel(): Model {
  loaded ??= modelOf(packedModel);
  return loaded;
}

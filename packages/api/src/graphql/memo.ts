/** A per-request cache for values several resolvers need (e.g. all region counts), computed once. */
export type Memo = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

export function createMemo(): Memo {
  const values = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>) => {
    let value = values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      values.set(key, value);
    }
    return value;
  };
}

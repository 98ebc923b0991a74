/**
 * Scans are handled one at a time, in the order they came: a handler that has to look something
 * up (a product's barcode) finishes before the next scan is read, however fast they arrive.
 */
export type Serial = (task: () => unknown) => Promise<void>;

export function createSerial(onError: (err: unknown) => void = () => undefined): Serial {
  let tail: Promise<void> = Promise.resolve();
  return (task) => {
    tail = tail.then(async () => {
      try {
        await task();
      } catch (err) {
        onError(err);
      }
    });
    return tail;
  };
}

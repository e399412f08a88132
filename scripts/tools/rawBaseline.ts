/**
 * The single-thread raw-compromise baseline of `npm run bench`, run in its own worker thread so it
 * gets compromise exactly as published: its own module instance, none of our lexicon or settings.
 * It does what compromise alone offers for entities: parse, then people(), places() and
 * organizations() with offsets.
 */
import { parentPort, workerData } from 'worker_threads';
import nlp from 'compromise';

const texts = workerData as string[];
// Warm the JIT on a few texts first, as the pool's workers are warm after their first files.
for (const t of texts.slice(0, 5)) nlp(t).people().json({ offset: true });
const started = process.hrtime.bigint();
for (const t of texts) {
  const doc = nlp(t);
  doc.people().json({ offset: true });
  doc.places().json({ offset: true });
  doc.organizations().json({ offset: true });
}
parentPort?.postMessage(Number(process.hrtime.bigint() - started) / 1e9);

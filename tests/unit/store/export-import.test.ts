import { beforeEach, describe, expect, it } from 'vitest';
import { exportCsv, REP_CSV_COLUMNS, repsToCsv } from '../../../src/store/export-csv';
import { exportJson } from '../../../src/store/export-json';
import { importJson } from '../../../src/store/import-json';
import { ImportValidationError } from '../../../src/store/import-validation-error';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { resumeOpenSession } from '../../../src/store/session-log';
import { deleteAllData, getSettings, listPersonalBests, listReps, listSessions, saveSettings } from '../../../src/store/store-queries';
import { useFreshIndexedDb } from './fake-db';
import { seedTwoSessions, snapshot } from './store-fixtures';

beforeEach(useFreshIndexedDb);

describe('settings and delete-all', () => {
  it('keeps language, voice and mode, with defaults before the first save', async () => {
    const db = await openAtlasDb();
    expect(await getSettings(db)).toEqual({ language: 'en', voiceOn: true, mode: 'remission' });
    await saveSettings(db, { language: 'ru', mode: 'exacerbation' });
    await saveSettings(db, { voiceOn: false });
    expect(await getSettings(db)).toEqual({ language: 'ru', voiceOn: false, mode: 'exacerbation' });
    db.close();
  });

  it('delete all leaves every store empty', async () => {
    const db = await openAtlasDb();
    await seedTwoSessions(db);
    await saveSettings(db, { language: 'ru' });
    await deleteAllData(db);
    expect(await listSessions(db)).toEqual([]);
    expect(await listReps(db)).toEqual([]);
    expect(await listPersonalBests(db)).toEqual([]);
    expect(await resumeOpenSession(db)).toBeNull();
    expect((await getSettings(db)).language).toBe('en');
    db.close();
  });
});

describe('JSON export and import', () => {
  it('round-trips every record into an empty database', async () => {
    const source = await openAtlasDb({ name: 'source' });
    await seedTwoSessions(source);
    await saveSettings(source, { language: 'ru', voiceOn: false });
    const text = await exportJson(source, '2026-11-24T10:00:00.000Z');
    const target = await openAtlasDb({ name: 'target' });
    const report = await importJson(target, text);
    expect(report).toEqual({ sessions: 2, events: 13, reps: 6, personalBests: 3, settings: true });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // The open session survives the trip and can be resumed.
    expect((await resumeOpenSession(target))?.record.id).toBe('second');
    source.close();
    target.close();
  });

  it('keeps a higher stored personal best when merging', async () => {
    const db = await openAtlasDb();
    await seedTwoSessions(db);
    const text = await exportJson(db, '2026-11-24T10:00:00.000Z');
    const data = JSON.parse(text) as { personalBests: { peakDeg: number }[] };
    for (const best of data.personalBests) best.peakDeg = 1;
    await importJson(db, JSON.stringify(data));
    const bests = await listPersonalBests(db);
    expect(bests.map((best) => best.peakDeg).sort()).toEqual([25, 38, 50]);
    db.close();
  });

  const hostileCases: readonly [string, (data: Record<string, unknown>) => unknown][] = [
    ['a wrong type', (d) => ({ ...d, sessions: 'many' })],
    ['an unknown version', (d) => ({ ...d, version: 2 })],
    ['another format', (d) => ({ ...d, format: 'something-else' })],
    ['an unknown top-level key', (d) => ({ ...d, extra: 1 })],
    ['a __proto__ key', (d) => JSON.parse(JSON.stringify(d).replace('"format"', '"__proto__":{"isAdmin":true},"format"'))],
    ['a constructor key in a nested record', (d) => JSON.parse(JSON.stringify(d).replace('"too-fast":1', '"too-fast":1,"constructor":1'))],
    ['a huge array', (d) => ({ ...d, personalBests: new Array(5000).fill(0) })],
    ['a number out of range', (d) => JSON.parse(JSON.stringify(d).replace('"peakDeg":40', '"peakDeg":1e400'))],
    ['a rep of an unknown session', (d) => JSON.parse(JSON.stringify(d).replaceAll('"sessionId":"first","seq":2,', '"sessionId":"ghost","seq":2,'))],
    ['a duplicated session', (d) => ({ ...d, sessions: [...(d['sessions'] as unknown[]), (d['sessions'] as unknown[])[0]] })],
    ['an invalid date', (d) => JSON.parse(JSON.stringify(d).replace('2026-11-23T08:00:00.000Z', '2026-13-45T99:00:00.000Z'))],
    ['an unknown action', (d) => JSON.parse(JSON.stringify(d).replace('"type":"stop"', '"type":"explode"'))],
  ];

  it.each(hostileCases)('refuses %s with a clear error and writes nothing', async (_name, mutate) => {
    const source = await openAtlasDb({ name: 'source' });
    await seedTwoSessions(source);
    const valid = JSON.parse(await exportJson(source, '2026-11-24T10:00:00.000Z')) as Record<string, unknown>;
    const hostile = JSON.stringify(mutate(valid));
    expect(hostile).not.toBe(JSON.stringify(valid));
    const target = await openAtlasDb({ name: 'target' });
    const before = await snapshot(target);
    const error = await importJson(target, hostile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).message).toMatch(/^Import refused at \$/);
    expect(await snapshot(target)).toEqual(before);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    source.close();
    target.close();
  });

  it('refuses text over the size limit and non-JSON without parsing further', async () => {
    const db = await openAtlasDb();
    await expect(importJson(db, '{"format":')).rejects.toThrow(ImportValidationError);
    await expect(importJson(db, 42)).rejects.toThrow(/expected JSON text/);
    await expect(importJson(db, '[' .repeat(100_000) + ']'.repeat(100_000))).rejects.toThrow(ImportValidationError);
    db.close();
  });
});

describe('CSV export', () => {
  it('writes one row per rep and per session with the documented columns', async () => {
    const db = await openAtlasDb();
    await seedTwoSessions(db);
    const csv = await exportCsv(db);
    const repLines = csv.reps.trimEnd().split('\r\n');
    expect(repLines[0]).toBe(REP_CSV_COLUMNS.join(','));
    expect(repLines).toHaveLength(1 + 6);
    expect(repLines[1]).toBe('first,2,2026-11-23T08:00:02.000Z,2000,remission,head-turns,left,40,2000,60,-1.6,-6,1,true');
    expect(repLines[2]).toContain(',42,2000,60,,-6,1,true'); // a null sparc is an empty cell
    const sessionLines = csv.sessions.trimEnd().split('\r\n');
    expect(sessionLines[1]).toBe(
      'first,finished,2026-11-23T08:00:00.000Z,2026-11-23T08:00:08.000Z,stopped,remission,5,head-turns;chin-to-chest,,0',
    );
    expect(sessionLines[2]).toMatch(/^second,open,2026-11-24T08:00:00.000Z,,,remission,1,/);
    db.close();
  });

  it('quotes separators and defuses formula-looking text', () => {
    const csv = repsToCsv([
      {
        sessionId: '=HYPERLINK("x")',
        seq: 0,
        atIso: '2026-11-24T08:00:00.000Z',
        tMs: 0,
        mode: 'remission',
        exerciseId: 'a,b',
        side: 'left',
        peakDeg: 1,
        durationMs: 1,
        peakVelDegS: 1,
        sparc: null,
        ldj: null,
        velocityPeaks: 1,
        complete: false,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",0,2026-11-24T08:00:00.000Z,0,remission,"a,b",left,1,1,1,,,1,false`);
  });
});

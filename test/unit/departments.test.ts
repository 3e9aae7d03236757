/**
 * Departments scoped and resolved (src/ingest/departments.ts): the issuer gives the scope, the
 * alias table (seeds/department-aliases.json) makes one node of a body's short and full names,
 * and the seed's ids stay as they were. Real texts: two State Council documents
 * (test/fixtures/departments/national) and the seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  departmentId,
  loadDepartmentRules,
  parseDepartmentRules,
  resolveName,
  scopeOf,
} from '../../src/ingest/departments.ts';
import { PlanParseError } from '../../src/ingest/errors.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';

const rules = loadDepartmentRules();
// Two whole State Council documents of ../shared/corpus-full, copied byte for byte (their README).
const FULL = 'test/fixtures/departments/national/';
const parse = (path: string) => {
  const { text, source } = readPlanFile(path);
  return parsePlan(text, source);
};

describe('the scope of a plan is the body that issues it', () => {
  it.each([
    ['国务院', '国家', 'national'],
    ['国务院办公厅', '国家', 'national'],
    ['工业和信息化部', '国家', 'national'],
    ['国家发展改革委办公厅', '国家', 'national'],
    ['中国科协办公厅', '中国科协', 'organisation'],
    ['中國科協辦公廳', '中国科协', 'organisation'],
    ['全民科学素质纲要实施工作办公室', '中国科协', 'organisation'],
    ['北京市人民政府办公厅', '北京市', 'city'],
    ['广东省人民政府', '广东省', 'province'],
    ['中共静安区委办公室静安区人民政府办公室', '静安区', 'district'],
    ['某某县人民政府办公室', '某某县', 'county'],
    ['内蒙古自治区人民政府', '内蒙古自治区', 'province'],
    ['青禾市科协办公室', '青禾市科协', 'organisation'],
    ['福建省科学技术协会', '福建省科协', 'organisation'],
    ['广州市发展改革委', '广州市', 'city'],
  ])('%s → %s (%s)', (issuer, name, level) => {
    expect(scopeOf(issuer, rules)).toMatchObject({ name, level });
  });

  it('is none when the plan names no issuer', () => {
    expect(scopeOf(null, rules)).toBeNull();
    expect(scopeOf('  ', rules)).toBeNull();
  });

  it('keeps bare ids only where the scope’s data says so (中国科协, the seed’s)', () => {
    expect(departmentId('组人部', scopeOf('中国科协办公厅', rules))).toBe('dept/组人部');
    expect(departmentId('组人部', scopeOf('青禾市科协办公室', rules))).toBe('dept/青禾市科协/组人部');
    expect(departmentId('组人部', null)).toBe('dept/组人部');
  });
});

describe('within a scope, known names of one body are one name', () => {
  const national = scopeOf('国务院', rules);
  const guangzhou = scopeOf('广州市人民政府办公厅', rules);
  const shenzhen = scopeOf('深圳市人民政府', rules);

  it('resolves the national short forms to the full name, with the others as aliases', () => {
    for (const written of ['发展改革委', '国家发展改革委', '国家发展和改革委员会']) {
      expect(resolveName(written, national, rules)).toMatchObject({
        name: '国家发展和改革委员会',
        aliases: ['国家发展改革委', '发展改革委'],
      });
    }
    expect(resolveName('人民银行', national, rules).name).toBe('中国人民银行');
    expect(resolveName('市场监管总局', national, rules).name).toBe('国家市场监督管理总局');
    expect(resolveName('各省级人民政府', national, rules)).toEqual({
      name: '各省级人民政府',
      aliases: [],
      source: null,
      official: false,
    });
  });

  it('resolves a city’s 市发改委 within that city, so two cities’ are two departments', () => {
    const gz = resolveName('市发改委', guangzhou, rules);
    expect(gz.name).toBe('广州市发展和改革委员会');
    expect(gz.aliases).toContain('市发展改革委');
    expect(gz.aliases).toContain('广州市发改委');
    expect(resolveName('广州市发展改革委', guangzhou, rules).name).toBe('广州市发展和改革委员会');
    const sz = resolveName('市发改委', shenzhen, rules);
    expect(sz.name).toBe('深圳市发展和改革委员会');
    expect(departmentId(gz.name, guangzhou)).toBe('dept/广州市/广州市发展和改革委员会');
    expect(departmentId(sz.name, shenzhen)).toBe('dept/深圳市/深圳市发展和改革委员会');
    // A national short form means nothing in a city: it stays as written.
    expect(resolveName('发展改革委', guangzhou, rules).name).toBe('发展改革委');
    expect(resolveName('市委宣传部', guangzhou, rules).name).toBe('市委宣传部');
  });
});

describe('plans resolved as they are parsed', () => {
  it('gives the national plans’ 发展改革委 and 国家发展改革委 one department of the national scope', () => {
    const agri = parse(`${FULL}gov-2018-agri-mechanization-opinions.txt`);
    const incentives = parse(`${FULL}gov-2018-incentives-notice.txt`);
    expect(agri.departmentScope).toBe('国家');
    const ndrc = 'dept/国家/国家发展和改革委员会';
    const written = (m: typeof agri) =>
      [...m.leads, ...m.participations].filter((l) => l.departmentId === ndrc).map((l) => l.span.quote);
    expect(new Set(written(agri))).toEqual(new Set(['发展改革委']));
    expect(new Set(written(incentives))).toEqual(new Set(['国家发展改革委']));
    const node = agri.departments.find((d) => d.id === ndrc)!;
    expect(node).toMatchObject({
      name: '国家发展和改革委员会',
      scope: '国家',
      fullName: '国家发展和改革委员会',
    });
    expect(node.fullNameSource).toContain('国发〔2018〕6号');
    // Every edge points at a department of the plan, and no department is named twice.
    const ids = new Set(agri.departments.map((d) => d.id));
    expect(ids.size).toBe(agri.departments.length);
    for (const l of [...agri.leads, ...agri.participations]) expect(ids.has(l.departmentId)).toBe(true);
  });

  it('gives a city plan’s units to the city; a local name is resolved, but no full name is claimed for it', () => {
    const city = parse('test/fixtures/departments/cities/baichuan-2020-business-points.txt');
    expect(city.departmentScope).toBe('白川市');
    expect(city.departments.map((d) => [d.id, d.fullName])).toEqual([
      ['dept/白川市/白川市发展和改革委员会', null],
      ['dept/白川市/白川市住房和城乡建设局', null],
      ['dept/白川市/市财政局', null],
    ]);
    expect(city.leads.map((l) => [l.taskId, l.departmentId, l.span.quote])).toEqual([
      ['bcsrmzf-2020-points/task-1', 'dept/白川市/白川市发展和改革委员会', '市发展改革委'],
      ['bcsrmzf-2020-points/task-2', 'dept/白川市/白川市发展和改革委员会', '市发改委'],
    ]);
  });

  it('keeps the seed’s departments, ids and full names exactly as before', () => {
    const seed = parse('seeds/cast-2018-reform-key-tasks.txt');
    expect(seed.departmentScope).toBe('中国科协');
    expect(seed.departments.map((d) => [d.id, d.name, d.scope, d.aliases])).toEqual(
      seed.departments.map((d) => [`dept/${d.name}`, d.name, '中国科协', []]),
    );
    expect(seed.departments.find((d) => d.name === '调宣部')).toMatchObject({ fullName: '调研宣传部' });
  });
});

describe('the rules are data, checked as they are read', () => {
  const scopes = JSON.parse(readFileSync('seeds/department-scopes.json', 'utf8'));
  const aliases = JSON.parse(readFileSync('seeds/department-aliases.json', 'utf8'));

  it('refuses a name listed for two bodies, naming the file, the entry and the name', () => {
    const twice = { ...aliases, local: [...aliases.local, { name: '发改局', aliases: [], source: 'x' }] };
    const thrown = (() => {
      try {
        parseDepartmentRules(scopes, twice);
      } catch (e) {
        return e;
      }
      return null;
    })() as PlanParseError;
    expect(thrown).toBeInstanceOf(PlanParseError);
    expect(thrown.code).toBe('BAD_SEED_DATA');
    expect(thrown.message).toBe(
      `department-aliases.json: BAD_SEED_DATA: expected local[${aliases.local.length}]: names not listed in an earlier entry, found "发改局"`,
    );
  });

  it('refuses an entry without its source', () => {
    const bad = { ...aliases, national: [{ name: '外交部', aliases: [] }] };
    expect(() => parseDepartmentRules(scopes, bad)).toThrow(
      'department-aliases.json: BAD_SEED_DATA: expected national[0].source: a non-empty string, found undefined',
    );
  });
});

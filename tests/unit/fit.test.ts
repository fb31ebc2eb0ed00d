import { describe, expect, it } from 'vitest';
import { bestFit, fitBasis, fitLine, fitScore, skillKey } from '../../lib/fit';
import type { Resume, Vacancy } from '../../lib/hh/model';

function resume(over: Partial<Resume> = {}): Resume {
  return {
    id: '1001',
    title: 'Frontend-разработчик (React, TypeScript)',
    status: 'published',
    canRaise: true,
    nextRaiseAt: null,
    skills: ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest', 'Next.js', 'REST API'],
    salary: { amount: 280_000, currency: 'RUR' },
    area: 'Москва',
    experienceMonths: 86,
    ...over,
  };
}

function vacancy(over: Partial<Vacancy> = {}): Vacancy {
  return {
    id: '70000001',
    name: 'Frontend-разработчик (React, TypeScript)',
    keySkills: ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML5', 'CSS3', 'Git', 'Jest', 'Webpack'],
    salary: { from: 250_000, to: 350_000, currency: 'RUR', gross: false },
    experience: 'between3And6',
    area: 'Москва',
    archived: false,
    hasTest: false,
    testRequired: false,
    letterRequired: false,
    ...over,
  };
}

describe('how well a resume fits a vacancy', () => {
  it('Anna’s React resume on a React vacancy: high score, explained like hh users talk', () => {
    const fit = fitScore(resume(), vacancy());
    expect(fit.explain.ru).toBe('8 из 9 навыков, зарплата в вилке, должность совпадает');
    expect(fit.explain.en).toBe('8 of 9 skills, salary in range, title matches');
    expect(fit.score).toBeGreaterThanOrEqual(90);
    expect(fit.score).toBeLessThan(100);
  });

  it('ranks the frontend resume above the 1C one for a frontend vacancy', () => {
    const frontend = fitScore(resume(), vacancy());
    const oneC = fitScore(
      resume({ title: 'Разработчик 1С', skills: ['1С: Предприятие 8', 'SQL'], salary: { amount: 150_000, currency: 'RUR' } }),
      vacancy(),
    );
    expect(oneC.explain.ru).toMatch(/^0 из 9 навыков/);
    expect(oneC.explain.ru).toContain('другая должность');
    expect(frontend.score - oneC.score).toBeGreaterThan(50);
  });

  it('matches skills regardless of case, spacing, dots and common short names', () => {
    for (const [a, b] of [
      ['JS', 'JavaScript'],
      ['react.js', 'React'],
      ['Node JS', 'Node.js'],
      ['TS', 'typescript'],
      ['HTML', 'HTML5'],
      ['k8s', 'Kubernetes'],
      ['Английский язык', 'English'],
    ]) {
      expect(skillKey(a!), `${a} ~ ${b}`).toBe(skillKey(b!));
    }
    expect(skillKey('Java')).not.toBe(skillKey('JavaScript'));
    const fit = fitScore(resume({ skills: ['js', 'ts', 'react.js'] }), vacancy({ keySkills: ['JavaScript', 'TypeScript', 'React'] }));
    expect(fit.explain.en).toMatch(/^3 of 3 skills/);
  });

  it('says so when the asked salary is above the range, and scores it lower', () => {
    const inRange = fitScore(resume(), vacancy());
    const above = fitScore(resume({ salary: { amount: 450_000, currency: 'RUR' } }), vacancy());
    expect(above.explain.ru).toContain('зарплата выше вилки');
    expect(above.score).toBeLessThan(inRange.score);
  });

  it('compares a gross salary as take-home pay', () => {
    const gross = vacancy({ salary: { from: 200_000, to: 300_000, currency: 'RUR', gross: true } });
    // 300 000 before tax is 261 000 in hand: asking 280 000 is above it.
    expect(fitScore(resume(), gross).explain.en).toContain('salary above range');
    expect(fitScore(resume({ salary: { amount: 250_000, currency: 'RUR' } }), gross).explain.en).toContain('salary in range');
  });

  it('leaves out the salary when currencies differ or the vacancy has none', () => {
    expect(fitScore(resume(), vacancy({ salary: { from: 3000, to: 4000, currency: 'USD' } })).explain.en).not.toMatch(/salary/);
    expect(fitScore(resume(), vacancy({ salary: null })).explain.en).not.toMatch(/salary/);
  });

  it('notes too little experience and another city', () => {
    const fit = fitScore(
      resume({ experienceMonths: 14, area: 'Казань', skills: null, salary: null }),
      vacancy({ experience: 'moreThan6' }),
    );
    expect(fit.explain.ru).toBe('опыта меньше требуемого, должность совпадает, другой город');
    expect(fit.explain.en).toBe('less experience than asked, title matches, another city');
  });

  it('judges on what is known: a site resume without skills is not punished for them', () => {
    const fit = fitScore(resume({ skills: null }), vacancy());
    expect(fit.explain.en).not.toMatch(/skills/);
    expect(fit.score).toBeGreaterThanOrEqual(90);
  });

  it('says there is nothing to judge on rather than inventing a score', () => {
    const fit = fitScore(
      resume({ title: 'Разработчик', skills: null, salary: null, area: null, experienceMonths: null }),
      vacancy({ name: 'Разработчик', keySkills: [] }),
    );
    expect(fit).toEqual({ score: 0, explain: { ru: 'нет данных для оценки', en: 'not enough data to judge' }, judged: [] });
  });

  it('uses the right Russian form after «из»', () => {
    expect(fitScore(resume(), vacancy({ keySkills: ['React'] })).explain.ru).toMatch(/^1 из 1 навыка/);
    expect(fitScore(resume(), vacancy({ keySkills: ['React', 'Go'] })).explain.ru).toMatch(/^1 из 2 навыков/);
  });
});

describe('what a fit rests on', () => {
  it('names every part it judged, and says nothing more when skills were among them', () => {
    const fit = fitScore(resume(), vacancy());
    expect(fit.judged).toEqual(['skills', 'salary', 'experience', 'title', 'area']);
    expect(fitBasis(fit)).toBeNull();
    expect(fitLine(fit)).toEqual(fit.explain);
  });

  it('a search card without key skills is judged by title and salary, and says so', () => {
    const card = vacancy({ keySkills: [], experience: null, area: null });
    const fit = fitScore(resume(), card);
    expect(fit.judged).toEqual(['salary', 'title']);
    expect(fitBasis(fit)).toEqual({ ru: 'по названию и зарплате', en: 'by title and salary' });
    expect(fitLine(fit)).toEqual({
      ru: 'зарплата в вилке, должность совпадает (по названию и зарплате)',
      en: 'salary in range, title matches (by title and salary)',
    });
  });

  it('lists three or more parts with commas and a final «и» / "and"', () => {
    const fit = fitScore(resume(), vacancy({ keySkills: [] }));
    expect(fitBasis(fit)).toEqual({ ru: 'по названию, зарплате, опыту и городу', en: 'by title, salary, experience and city' });
  });

  it('a card with nothing to judge says so and rests on nothing', () => {
    const fit = fitScore(resume({ title: 'Разработчик', salary: null, area: null, experienceMonths: null }), vacancy({ name: 'Разработчик', keySkills: [] }));
    expect(fit.judged).toEqual([]);
    expect(fitBasis(fit)).toBeNull();
  });

  it('titles in any alphabet are read by their words: Kazakh and Georgian as Russian and English', () => {
    const fitsByTitle = (mine: string, theirs: string) =>
      fitScore(resume({ title: mine, skills: null, salary: null, area: null, experienceMonths: null }), vacancy({ name: theirs, keySkills: [] }));
    expect(fitsByTitle('Бағдарламашы', 'Аға бағдарламашы').explain.ru).toBe('должность совпадает');
    expect(fitsByTitle('პროგრამისტი', 'უფროსი პროგრამისტი').explain.ru).toBe('должность совпадает');
    // A Kazakh letter is part of the word, not a break in it: «қойшы» is not «ойшы».
    expect(fitsByTitle('Қойшы', 'Ойшы').explain.ru).toBe('другая должность');
    expect(fitsByTitle('Тестировщик QA', 'Тестировщик/QA-инженер').explain.ru).toBe('должность совпадает');
    expect(fitsByTitle('Тестировщик', 'Бухгалтер').explain.ru).toBe('другая должность');
  });

  it('the best of several resumes speaks for a card; ties go to the first', () => {
    const oneC = resume({ id: '1004', title: 'Разработчик 1С', skills: ['1С: Предприятие 8', 'SQL'] });
    const front = resume();
    expect(bestFit([oneC, front], vacancy())?.resume).toBe(front);
    expect(bestFit([front, { ...front, id: 'copy' }], vacancy())?.resume).toBe(front);
    expect(bestFit([], vacancy())).toBeNull();
  });
});

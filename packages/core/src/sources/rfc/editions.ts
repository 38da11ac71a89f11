/** The Assigned Numbers RFCs that list ports, with the title and month the RFC index gives. */
export interface AssignedNumbersEdition {
  number: number;
  title: string;
  /** The publication month as YYYY-MM-01. */
  published: string;
}

const EDITIONS: readonly AssignedNumbersEdition[] = [
  { number: 739, title: 'Assigned numbers', published: '1977-11-01' },
  { number: 750, title: 'Assigned numbers', published: '1978-09-01' },
  { number: 755, title: 'Assigned numbers', published: '1979-05-01' },
  { number: 758, title: 'Assigned numbers', published: '1979-08-01' },
  { number: 762, title: 'Assigned numbers', published: '1980-01-01' },
  { number: 770, title: 'Assigned numbers', published: '1980-09-01' },
  { number: 776, title: 'Assigned numbers', published: '1981-01-01' },
  { number: 790, title: 'Assigned numbers', published: '1981-09-01' },
  // The RFC index says August 1982; the RFC's own header says January 1983.
  { number: 820, title: 'Assigned numbers', published: '1983-01-01' },
  { number: 870, title: 'Assigned numbers', published: '1983-10-01' },
  { number: 900, title: 'Assigned Numbers', published: '1984-06-01' },
  { number: 923, title: 'Assigned numbers', published: '1984-10-01' },
  { number: 943, title: 'Assigned numbers', published: '1985-04-01' },
  { number: 960, title: 'Assigned numbers', published: '1985-12-01' },
  { number: 990, title: 'Assigned numbers', published: '1986-11-01' },
  { number: 1010, title: 'Assigned numbers', published: '1987-05-01' },
  { number: 1060, title: 'Assigned numbers', published: '1990-03-01' },
  { number: 1340, title: 'Assigned Numbers', published: '1992-07-01' },
  { number: 1700, title: 'Assigned Numbers (STD 2)', published: '1994-10-01' },
];

const BY_NUMBER = new Map(EDITIONS.map((edition) => [edition.number, edition]));

export const ASSIGNED_NUMBERS_RFC_NUMBERS: readonly number[] = EDITIONS.map(({ number }) => number);

export function assignedNumbersEdition(number: number): AssignedNumbersEdition | undefined {
  return BY_NUMBER.get(number);
}

// `Request for Comments: 739`, `Request\tfor Comments: 1340`, `Request for Comments : 349`, `#322`.
const RFC_NUMBER = /^Request\s+for\s+Comments\s*[:#]\s*(\d+)/m;

/** The number an RFC's title page gives, or undefined when the text is not an RFC. */
export function rfcNumberOf(head: string): number | undefined {
  const match = RFC_NUMBER.exec(head);
  return match ? Number(match[1]) : undefined;
}

import type { Protocol, Status } from '@portbook/core';
import { and, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { assignments } from '../schema.ts';
import { validAt } from './assignments-containing.ts';

/** The one filter every list of records shares (ports, services, the /services export). */
export interface AssignmentFilter {
  /** Read the registry as of this date; undefined for the current registry. */
  at?: string | undefined;
  protocols?: readonly Protocol[] | undefined;
  /** Records overlapping this inclusive interval of ports. */
  within?: { low: number; high: number } | undefined;
  statuses?: readonly Status[] | undefined;
  /** Registration / modification dates, inclusive; partial dates (`YYYY-MM`) compare as text. */
  registeredFrom?: string | undefined;
  registeredTo?: string | undefined;
  modifiedFrom?: string | undefined;
  modifiedTo?: string | undefined;
  /** A reference as the registry writes it: `RFC6335`, `rfc6335`, `draft-ietf-…`, a person id. */
  reference?: string | undefined;
  /** A person id (`Jon_Postel`) or part of a person's name, assignee or contact. */
  person?: string | undefined;
  /** Words matched against service name, description and notes (full-text, English). */
  text?: string | undefined;
  /** Only records with a service name (the ones `/etc/services` can list). */
  named?: boolean | undefined;
}

/** The full-text document, written exactly as the `assignments_text_idx` index so it is used. */
export const ASSIGNMENT_TEXT = sql`to_tsvector('english', coalesce(${assignments.serviceName}, '') || ' ' || coalesce(${assignments.description}, '') || ' ' || coalesce(${assignments.notes}, ''))`;

/** `RFC 6335`, `[RFC6335]` and `rfc6335` all mean the reference stored as `rfc6335`. */
export function normalizeReference(reference: string): string {
  const trimmed = reference.trim().replace(/^\[|\]$/g, '');
  const rfc = /^rfc\s*-?\s*(\d+)$/i.exec(trimmed);
  return rfc ? `rfc${Number(rfc[1])}` : trimmed;
}

export function assignmentConditions(filter: AssignmentFilter): SQL[] {
  const conditions: SQL[] = [validAt(filter.at)];
  if (filter.protocols?.length)
    conditions.push(inArray(assignments.protocol, [...filter.protocols]));
  if (filter.within) {
    conditions.push(lte(assignments.portLow, filter.within.high));
    conditions.push(gte(assignments.portHigh, filter.within.low));
  }
  if (filter.statuses?.length) conditions.push(inArray(assignments.status, [...filter.statuses]));
  if (filter.registeredFrom) conditions.push(gte(assignments.registered, filter.registeredFrom));
  if (filter.registeredTo) conditions.push(lte(assignments.registered, filter.registeredTo));
  if (filter.modifiedFrom) conditions.push(gte(assignments.modified, filter.modifiedFrom));
  if (filter.modifiedTo) conditions.push(lte(assignments.modified, filter.modifiedTo));
  if (filter.reference) {
    const data = normalizeReference(filter.reference);
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements(${assignments.references}) as r where lower(r->>'data') = lower(${data}))`,
    );
  }
  if (filter.person) {
    const person = filter.person.trim();
    conditions.push(
      or(
        eq(assignments.assigneeId, person),
        eq(assignments.contactId, person),
        sql`exists (select 1 from people p where p.id in (${assignments.assigneeId}, ${assignments.contactId}) and p.name ilike ${`%${person}%`})`,
      ) as SQL,
    );
  }
  if (filter.text?.trim()) {
    conditions.push(sql`${ASSIGNMENT_TEXT} @@ websearch_to_tsquery('english', ${filter.text})`);
  }
  if (filter.named) conditions.push(sql`${assignments.serviceName} is not null`);
  return conditions;
}

export function assignmentWhere(filter: AssignmentFilter): SQL | undefined {
  return and(...assignmentConditions(filter));
}

/** Case-insensitive name match that can use the `lower(service_name)` index. */
export function nameIs(name: string): SQL {
  return sql`lower(${assignments.serviceName}) = lower(${name})`;
}

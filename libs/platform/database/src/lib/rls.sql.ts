/**
 * SQL that makes a table tenant-owned: row-level security enabled AND forced (so even the table
 * owner is filtered), with one policy for reads and writes. `current_setting(..., true)` returns
 * NULL or '' when no tenant is set; NULLIF turns '' into NULL, and `= NULL` matches no row, so a
 * transaction without a tenant sees nothing and can write nothing.
 */
export const TENANT_SETTING = `NULLIF(current_setting('app.consultancy_id', true), '')::uuid`;

export function tenantRlsSql(table: string, column = 'consultancy_id'): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${table}
  USING (${column} = ${TENANT_SETTING})
  WITH CHECK (${column} = ${TENANT_SETTING});`;
}

export function dropTenantRlsSql(table: string): string {
  return `
DROP POLICY IF EXISTS tenant_isolation ON ${table};
ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY;`;
}

/** The NOLOGIN group role the application's login role belongs to; it owns nothing. */
export const APP_GROUP_ROLE = 'candor_app';

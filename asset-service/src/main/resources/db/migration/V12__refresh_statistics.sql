-- Imports load tens of thousands of rows at once. Until the tables are analysed again the planner still
-- sees them as they were (small), and picks plans that filter whole projects row by row, including the
-- cached plans of foreign-key checks, which stay bad for as long as the connection lives. Autovacuum
-- catches up eventually (and not at all where it is switched off), so an import refreshes the statistics
-- of the tables it has just filled. ANALYZE needs the tables' owner: the application calls this
-- function, which may analyse only the tables named here.
create function refresh_statistics(tables text[]) returns void
    language plpgsql
    security definer
    set search_path from current
as
$$
declare
    target text;
begin
    foreach target in array tables
        loop
            if target not in ('building', 'unit', 'person', 'occupancy', 'import_person', 'parking_space',
                              'equipment', 'maintenance_plan', 'opening_balance') then
                raise exception 'refresh_statistics: % is not a table imports fill', target
                    using errcode = 'insufficient_privilege';
            end if;
            execute format('analyze %I', target);
        end loop;
end
$$;

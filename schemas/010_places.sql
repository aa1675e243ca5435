-- keqing schema version 10: where a customer is (issue 19, plan): its area (区/街道), which a day's visits
-- keep to, and optional coordinates (WGS 84 degrees), which order them as a route. Both are the roster's:
-- only an admin sets them on a team server.
ALTER TABLE customers ADD COLUMN area TEXT NOT NULL DEFAULT '';
-- @sqlite
ALTER TABLE customers ADD COLUMN lat REAL;
ALTER TABLE customers ADD COLUMN lon REAL;
-- @postgresql
ALTER TABLE customers ADD COLUMN lat double precision, ADD COLUMN lon double precision;

-- Sets a customer's area and coordinates (both or neither); an admin's change, as every roster change (reps
-- and managers may not even call it, as update_customer).
CREATE FUNCTION keqing_api.set_place(customer_id bigint, area text, lat double precision,
                                     lon double precision) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    IF (lat IS NULL) <> (lon IS NULL) OR lat NOT BETWEEN -90 AND 90 OR lon NOT BETWEEN -180 AND 180 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'coordinates are a latitude from -90 to 90 and a longitude from -180 to 180, both or neither';
    END IF;
    UPDATE keqing.customers c
       SET area = coalesce(set_place.area, ''), lat = set_place.lat, lon = set_place.lon
     WHERE c.id = set_place.customer_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no customer #%s', customer_id);
    END IF;
END $$;

REVOKE ALL ON FUNCTION keqing_api.set_place(bigint, text, double precision, double precision)
    FROM PUBLIC, keqing_manager, keqing_rep;
GRANT EXECUTE ON FUNCTION keqing_api.set_place(bigint, text, double precision, double precision) TO keqing_admin;
-- @end

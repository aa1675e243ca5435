-- keqing schema version 5: life events by customer and day, so that one rep's (or one customer's) events
-- are read through their customers instead of scanning everyone's events in the window — what kept
-- `remind --rep` and `check-quota --rep` growing with the size of the whole company.
CREATE INDEX life_events_customer ON life_events(customer_id, happened_on);

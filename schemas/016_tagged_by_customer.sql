-- keqing schema version 16: contacts tagged with an occasion, by customer and day. A rep's (or a batch of
-- reps', or one customer's) tagged contacts are then found through their customers in this small index;
-- before, every contact of those customers in the window was read from the table to test its occasion,
-- a page read apiece (issue 23: a fifth of remind --all's time at 200,000 customers). Only tagged
-- contacts are in it, so loading untagged contacts hardly maintains it.
CREATE INDEX contacts_tagged_customer ON contacts(customer_id, happened_on) WHERE occasion <> '';

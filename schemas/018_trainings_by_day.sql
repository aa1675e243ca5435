-- keqing schema version 18: trainings by day. The trainings of a company's month (check-quota --all,
-- report) had no index to start from but trainings_customer, so SQLite read them through every customer —
-- the whole customers table when the planner has statistics (946 pages at 200,000 customers for no training
-- at all, issue 23) — or, without statistics, every training ever recorded. Read by day, the month's
-- trainings are found first and their customers after; one rep's, one customer's and a batch of reps'
-- trainings are still read through their customers and trainings_customer.
CREATE INDEX trainings_date ON trainings(held_on);

-- keqing schema version 18: trainings by day. The trainings of a month (check-quota --all, report, remind
-- --all's batches of reps) had no index to start from but trainings_customer, so SQLite read them through
-- every customer in scope — the whole customers table for the company's month (946 pages at 200,000
-- customers for no training at all; 20,520 over remind --all's batches, issue 23). Read by day, the
-- month's trainings are found first and their customers after; one rep's (or one customer's) trainings
-- are still read through its customers and trainings_customer.
CREATE INDEX trainings_date ON trainings(held_on);

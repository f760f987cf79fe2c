-- Raw samples partitioned by month of sample_time, so removing samples past their retention is a
-- partition drop. Starts with the catch-all partition; SampleStorage splits months off it ahead.
ALTER TABLE sample PARTITION BY RANGE COLUMNS (sample_time) (PARTITION pmax VALUES LESS THAN (MAXVALUE));

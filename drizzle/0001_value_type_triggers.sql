-- Value-type constraints that a CHECK cannot express, because they depend on the indicator row.
CREATE TRIGGER `observations_value_type_insert`
BEFORE INSERT ON `observations`
BEGIN
	SELECT RAISE(ABORT, 'constraint: observations.value must be a share between 0 and 100 for a percent indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'percent'
		AND (NEW.value < 0 OR NEW.value > 100);
	SELECT RAISE(ABORT, 'constraint: observations.value must be a whole level from 1 to 5 for a level indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'level'
		AND NEW.value NOT IN (1, 2, 3, 4, 5);
	SELECT RAISE(ABORT, 'constraint: observations.value must be a whole number of at least 0 for a count indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'count'
		AND (NEW.value < 0 OR NEW.value <> CAST(NEW.value AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `observations_value_type_update`
BEFORE UPDATE OF value, indicator_code ON `observations`
BEGIN
	SELECT RAISE(ABORT, 'constraint: observations.value must be a share between 0 and 100 for a percent indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'percent'
		AND (NEW.value < 0 OR NEW.value > 100);
	SELECT RAISE(ABORT, 'constraint: observations.value must be a whole level from 1 to 5 for a level indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'level'
		AND NEW.value NOT IN (1, 2, 3, 4, 5);
	SELECT RAISE(ABORT, 'constraint: observations.value must be a whole number of at least 0 for a count indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'count'
		AND (NEW.value < 0 OR NEW.value <> CAST(NEW.value AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `targets_value_type_insert`
BEFORE INSERT ON `targets`
BEGIN
	SELECT RAISE(ABORT, 'constraint: targets.value must be a share between 0 and 100 for a percent indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'percent'
		AND (NEW.value < 0 OR NEW.value > 100);
	SELECT RAISE(ABORT, 'constraint: targets.value must be a whole level from 1 to 5 for a level indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'level'
		AND NEW.value NOT IN (1, 2, 3, 4, 5);
	SELECT RAISE(ABORT, 'constraint: targets.value must be a whole number of at least 0 for a count indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'count'
		AND (NEW.value < 0 OR NEW.value <> CAST(NEW.value AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `targets_value_type_update`
BEFORE UPDATE OF value, indicator_code ON `targets`
BEGIN
	SELECT RAISE(ABORT, 'constraint: targets.value must be a share between 0 and 100 for a percent indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'percent'
		AND (NEW.value < 0 OR NEW.value > 100);
	SELECT RAISE(ABORT, 'constraint: targets.value must be a whole level from 1 to 5 for a level indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'level'
		AND NEW.value NOT IN (1, 2, 3, 4, 5);
	SELECT RAISE(ABORT, 'constraint: targets.value must be a whole number of at least 0 for a count indicator')
	WHERE (SELECT value_type FROM indicators WHERE code = NEW.indicator_code) = 'count'
		AND (NEW.value < 0 OR NEW.value <> CAST(NEW.value AS INTEGER));
END;

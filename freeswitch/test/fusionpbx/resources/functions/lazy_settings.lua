-- Test stand-in for FusionPBX's resources/functions/lazy_settings.lua: Settings.new(db, domain_name, domain_uuid)
-- and :get(category, subcategory, name), an enabled domain setting winning over an enabled default setting, read
-- from the FusionPBX tables v_domain_settings and v_default_settings.
local Settings = {}
Settings.__index = Settings

function Settings.new(db, domain_name, domain_uuid)
	return setmetatable({ db = db, domain_uuid = domain_uuid }, Settings)
end

local ENABLED = "coalesce(lower(%s::text), 'true') IN ('true', 't')"

function Settings:get(category, subcategory, name)
	local value
	if self.domain_uuid then
		self.db:query("SELECT domain_setting_value AS value FROM v_domain_settings WHERE domain_uuid = :domain_uuid "
			.. "AND domain_setting_category = :category AND domain_setting_subcategory = :subcategory "
			.. "AND domain_setting_name = :name AND " .. ENABLED:format("domain_setting_enabled"),
			{ domain_uuid = self.domain_uuid, category = category, subcategory = subcategory, name = name },
			function(row) value = value or row.value end)
	end
	if value == nil then
		self.db:query("SELECT default_setting_value AS value FROM v_default_settings WHERE "
			.. "default_setting_category = :category AND default_setting_subcategory = :subcategory "
			.. "AND default_setting_name = :name AND " .. ENABLED:format("default_setting_enabled"),
			{ category = category, subcategory = subcategory, name = name },
			function(row) value = value or row.value end)
	end
	return value
end

return Settings

-- Test stand-in for FusionPBX's resources/functions/database.lua: the same interface the scripts use
-- (Database.new('system'), :query(sql, params, callback), :first_row, :connected, :release) with the same
-- ":name" parameter style, on a real PostgreSQL through LuaSQL. VOICE_AI_TEST_DB=host:port:database:user:password.
local luasql = require "luasql.postgres"

local Database = {}
Database.__index = Database

local environment = luasql.postgres()

function Database.new(name)
	assert(name == "system", "the scripts only use the 'system' database, not " .. tostring(name))
	local spec = assert(os.getenv("VOICE_AI_TEST_DB"), "VOICE_AI_TEST_DB is not set")
	local host, port, database, user, password = spec:match("^([^:]+):(%d+):([^:]+):([^:]+):(.*)$")
	local connection = assert(environment:connect(database, user, password, host, tonumber(port)))
	local self = setmetatable({ connection = connection }, Database)
	return self
end

function Database:connected()
	return self.connection ~= nil
end

local function bind(connection, sql, params)
	return (sql:gsub("([^:]):([%a_][%w_]*)", function(before, name)
		local value = params and params[name]
		assert(value ~= nil, "no value for parameter :" .. name)
		return before .. "'" .. connection:escape(tostring(value)) .. "'"
	end))
end

function Database:query(sql, params, callback)
	if type(params) == "function" then
		callback, params = params, nil
	end
	assert(self.connection, "the connection was released")
	local cursor = assert(self.connection:execute(bind(self.connection, sql, params)))
	if type(cursor) ~= "userdata" then
		return
	end
	local row = cursor:fetch({}, "a")
	while row do
		if callback and callback(row) == 1 then
			break
		end
		row = cursor:fetch({}, "a")
	end
	cursor:close()
end

function Database:first_row(sql, params)
	local found
	self:query(sql, params, function(row)
		found = row
		return 1
	end)
	return found
end

function Database:release()
	if self.connection then
		self.connection:close()
		self.connection = nil
	end
end

return Database

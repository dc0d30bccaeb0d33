--	voice-ai: what every entry script needs before it can serve a call: the call's domain, the settings and the
--	secretary, read from FusionPBX's database with FusionPBX's own Lua helpers (the connection is released at once).

local Database = require "resources.functions.database"
local config = require "lib.config"
local secretaries = require "lib.secretary"

local bootstrap = {}

--	Returns { domain_uuid, domain_name, settings, secretary } or nil and the reason.
function bootstrap.call(session, args)
	args = args or {}
	local domain_name = session:getVariable("domain_name")
	local domain_uuid = session:getVariable("domain_uuid")
	local secretary_uuid = session:getVariable("voice_secretary_uuid") or args[1]
	local extension = session:getVariable("voice_secretary_extension") or args[2]
	if domain_name == nil or domain_name == "" then
		return nil, "the call has no domain_name; route it through a FusionPBX domain dialplan"
	end
	local db = Database.new("system")
	if domain_uuid == nil or domain_uuid == "" then
		domain_uuid = secretaries.domain_uuid(db, domain_name)
		if domain_uuid == nil then
			db:release()
			return nil, "unknown domain " .. domain_name
		end
	end
	local settings = config.load(db, domain_name, domain_uuid)
	local secretary, problem = secretaries.find(db, domain_uuid, secretary_uuid, extension)
	db:release()
	if secretary == nil then
		return nil, problem
	end
	return { domain_uuid = domain_uuid, domain_name = domain_name, settings = settings, secretary = secretary }
end

return bootstrap

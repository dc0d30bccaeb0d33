--	voice-ai: log lines for the FreeSWITCH console and log file, one prefix per call so an operator can grep a call.
--	Never give a token or a full HTTP argument line to these functions.

local log = {}
log.__index = log

--	A logger whose lines start with "[voice_secretary] <call uuid>".
function log.new(name, call_uuid)
	local self = setmetatable({}, log)
	self.prefix = "[" .. (name or "voice_secretary") .. "]" .. (call_uuid and (" " .. call_uuid) or "") .. " "
	return self
end

local function write(self, level, message)
	freeswitch.consoleLog(level, self.prefix .. tostring(message) .. "\n")
end

function log:debug(message) write(self, "DEBUG", message) end
function log:info(message) write(self, "INFO", message) end
function log:notice(message) write(self, "NOTICE", message) end
function log:warning(message) write(self, "WARNING", message) end
function log:err(message) write(self, "ERR", message) end

return log

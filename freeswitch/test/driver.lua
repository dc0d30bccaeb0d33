-- Test driver: runs one of the real scripts under Lua 5.2 with a scripted stand-in for FreeSWITCH's `session` and
-- `freeswitch` objects, the way mod_lua would run it for one call, and writes every call the script made to a JSON
-- file. HTTP goes for real through the mod_curl stand-in; the database through the FusionPBX stand-ins.
--
-- usage: lua5.2 freeswitch/test/driver.lua <scenario.json> <record.json>
--
-- scenario: {
--   "script": "secretary_ai.lua",                 -- under freeswitch/scripts/
--   "argv": [...],
--   "variables": { "uuid": "...", "domain_name": "...", ... },   -- channel variables
--   "caller": [ {"speak": true} | {"silence": true} | {"dtmf": "0"} | {"hangup": true} ],  -- one per recordFile
--   "bridge": { "<dial string>": "answer" | "no_answer" },
--   "api": { "<command>": "<reply>" },            -- replies of non-curl API commands
--   "events": [ {"subclass": "mod_audio_stream::connect", "body": "..."} ],  -- after uuid_audio_stream start
--   "sleep_limit": 50                             -- the caller hangs up after this many session:sleep calls
-- }
local here = arg[0]:match("^(.*[/\\])") or "./"
package.path = here .. "fusionpbx/?.lua;" .. here .. "?.lua;" .. package.path

local cjson = require "cjson"
local mod_curl = require "mod_curl"

local function read_file(path)
	local file = assert(io.open(path, "rb"))
	local content = file:read("*a")
	file:close()
	return content
end

local scenario = cjson.decode(read_file(arg[1]))
local record_path = arg[2]
local calls, logs = {}, {}

local function record(what, ...)
	local args = { ... }
	for i = 1, select("#", ...) do
		if args[i] == nil then
			args[i] = cjson.null
		else
			args[i] = tostring(args[i])
		end
	end
	calls[#calls + 1] = { what = what, args = args }
end

-- A 16-bit mono 8 kHz WAV: a 440 Hz tone for speech, zeros for silence.
local function write_wav(path, milliseconds, tone)
	local samples = 8 * milliseconds
	local function le(value, bytes)
		local out = {}
		for i = 1, bytes do
			out[i] = string.char(value % 256)
			value = math.floor(value / 256)
		end
		return table.concat(out)
	end
	local pcm = {}
	for i = 0, samples - 1 do
		local v = tone and math.floor(8000 * math.sin(2 * math.pi * 440 * i / 8000)) or 0
		if v < 0 then v = v + 65536 end
		pcm[#pcm + 1] = le(v, 2)
	end
	local data = table.concat(pcm)
	local file = assert(io.open(path, "wb"))
	file:write("RIFF", le(36 + #data, 4), "WAVE", "fmt ", le(16, 4), le(1, 2), le(1, 2), le(8000, 4), le(16000, 4),
		le(2, 2), le(16, 2), "data", le(#data, 4), data)
	file:close()
end

-- The session stand-in -------------------------------------------------------------------------------------------

local Session = {}
Session.__index = Session

local session_state = { ready = true, hook = nil, input = nil, hook_fired = false, caller_index = 0, sleeps = 0,
	variables = scenario.variables or {} }

local function fire_hook(status)
	if session_state.hook and not session_state.hook_fired then
		session_state.hook_fired = true
		record("hangup_hook", status)
		_G[session_state.hook](session, status, nil)
	end
end

local function caller_hangs_up()
	session_state.ready = false
	record("caller_hangup")
	fire_hook("hangup")
end

function Session:ready() return session_state.ready end
function Session:get_uuid() return session_state.variables.uuid end
function Session:getVariable(name) return session_state.variables[name] end

function Session:setVariable(name, value)
	record("session:setVariable", name, value)
	session_state.variables[name] = value
end

function Session:answer()
	record("session:answer")
	session_state.variables.answered = "true"
end

function Session:hangup(cause)
	record("session:hangup", cause)
	if session_state.ready then
		session_state.ready = false
		fire_hook("hangup")
	end
end

function Session:setHangupHook(name, arg)
	assert(type(_G[name]) == "function", "setHangupHook: no global function " .. tostring(name))
	record("session:setHangupHook", name)
	session_state.hook = name
end

function Session:setInputCallback(name, arg)
	assert(type(_G[name]) == "function", "setInputCallback: no global function " .. tostring(name))
	record("session:setInputCallback", name)
	session_state.input = name
end

function Session:streamFile(path)
	assert(session_state.ready, "streamFile on a hung-up channel")
	local exists = io.open(path, "rb")
	if exists then exists:close() end
	-- an absolute path must exist (mod_sndfile fails otherwise); a relative one is a FreeSWITCH sound prompt
	record("session:streamFile", path, (exists ~= nil or not path:match("^/")) and "playable" or "missing")
end

function Session:recordFile(path, limit, threshold, silence)
	assert(session_state.ready, "recordFile on a hung-up channel")
	record("session:recordFile", path, limit, threshold, silence)
	session_state.caller_index = session_state.caller_index + 1
	local action = (scenario.caller or {})[session_state.caller_index]
	if action == nil then
		record("caller_out_of_script")
		write_wav(path, 200, false)
		return caller_hangs_up()
	end
	if action.speak then
		write_wav(path, 1000, true)
		session_state.variables.record_ms = "1000"
	elseif action.silence then
		write_wav(path, silence * 1000, false)
		session_state.variables.record_ms = tostring(silence * 1000)
	elseif action.dtmf then
		write_wav(path, 300, false)
		if session_state.input then
			local result = _G[session_state.input](session, "dtmf", { digit = action.dtmf, duration = 100 })
			record("input_callback", action.dtmf, result)
		end
	elseif action.hangup then
		write_wav(path, 400, true)
		return caller_hangs_up()
	end
end

function Session:sleep(ms)
	session_state.sleeps = session_state.sleeps + 1
	if session_state.sleeps >= (scenario.sleep_limit or 50) and session_state.ready then
		caller_hangs_up()
	end
end

function Session:execute(app, data)
	assert(session_state.ready, "execute on a hung-up channel")
	record("session:execute", app, data)
	if app == "bridge" then
		local outcome = (scenario.bridge or {})[data] or "no_answer"
		if outcome == "answer" then
			-- answered, talked, the other side hung up: hangup_after_bridge ends the caller's channel too
			session_state.variables.originate_disposition = "SUCCESS"
			session_state.ready = false
			fire_hook("hangup")
		else
			session_state.variables.originate_disposition = "NO_ANSWER"
		end
	end
end

function Session:transfer(extension, dialplan, context)
	assert(session_state.ready, "transfer on a hung-up channel")
	record("session:transfer", extension, dialplan, context)
	session_state.ready = false
	fire_hook("transfer")
end

-- The freeswitch stand-in ----------------------------------------------------------------------------------------

local events_started = false

local Api = {}
Api.__index = Api

function Api:execute(command, args)
	if command == "curl" then
		local reply = mod_curl.execute(args)
		local last = mod_curl.last
		calls[#calls + 1] = { what = "api:curl", args = { args }, method = last.method, url = last.url,
			data = last.data or cjson.null, status = last.status, headers = last.headers }
		return reply
	end
	local reply = (scenario.api or {})[command] or ("-ERR " .. command .. " Command not found!\n")
	record("api:" .. command, args)
	if command == "uuid_audio_stream" and args:match("^%S+ start ") and reply:match("^%+OK") then
		events_started = true
	end
	return reply
end

function Api:executeString(line)
	local command, args = line:match("^(%S+)%s*(.*)$")
	return self:execute(command, args)
end

local Event = {}
Event.__index = Event
function Event:getHeader(name) return self.headers[name] end
function Event:getBody() return self.body end

local Consumer = {}
Consumer.__index = Consumer
function Consumer:bind(name, subclass)
	record("events:bind", name, subclass)
	self.subclasses[subclass] = true
end
function Consumer:pop(block, timeout)
	if not events_started then
		return nil
	end
	self.index = self.index + 1
	local item = (scenario.events or {})[self.index]
	if item == nil then
		return nil
	end
	return setmetatable({ headers = { ["Unique-ID"] = item.uuid or session_state.variables.uuid,
		["Event-Subclass"] = item.subclass }, body = item.body }, Event)
end

freeswitch = {
	consoleLog = function(level, message)
		logs[#logs + 1] = level .. " " .. message
		io.stderr:write(level, " ", message)
	end,
	API = function() return setmetatable({}, Api) end,
	EventConsumer = function(name, subclass)
		record("events:consumer", name, subclass)
		return setmetatable({ subclasses = { [subclass] = true }, index = 0 }, Consumer)
	end,
}

session = setmetatable({}, Session)
argv = scenario.argv or {}

local script = here .. "../scripts/" .. scenario.script
local ok, failure = pcall(dofile, script)
if not ok then
	record("script_error", failure)
end
-- mod_lua: when the script returns the channel goes on in the dialplan; a hung-up channel runs its hook now at the latest
record("script_end", session_state.ready and "ready" or "gone")

local out = assert(io.open(record_path, "wb"))
out:write(cjson.encode({ calls = calls, logs = logs, variables = session_state.variables }))
out:close()

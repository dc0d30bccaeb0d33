--	voice-ai: realtime mode. The caller's audio is streamed by mod_audio_stream to the voice-ai-realtime bridge, which
--	talks to the realtime AI provider and plays its answers back (how depends on the module build: realtime_return_mode).
--	The bridge ends the call itself (uuid_transfer / uuid_kill over ESL); this script only keeps the channel up while
--	the stream runs and stops the stream when it leaves. When the stream cannot start, or the bridge refuses or drops
--	it, the call goes on in turn-based mode (secretary_ai.lua).
--
--	Dialplan: <action application="lua" data="voice_secretary/voice_secretary_realtime.lua"/> with
--	voice_secretary_uuid or voice_secretary_extension set, like secretary_ai.lua.

local script_dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
package.path = script_dir .. "?.lua;" .. package.path

require "resources.functions.config"
local bootstrap = require "lib.bootstrap"
local Log = require "lib.log"
local stream = require "lib.stream"

if session == nil or not session:ready() then
	return
end

local api = freeswitch.API()
local call_uuid = session:get_uuid()
local log = Log.new("voice_secretary_realtime", call_uuid)

local found, problem = bootstrap.call(session, argv)
if found == nil then
	log:err(problem)
	session:hangup("UNALLOCATED_NUMBER")
	return
end

local function turn_based(reason)
	log:warning("realtime unavailable (" .. reason .. "), continuing in turn-based mode")
	session:setVariable("voice_secretary_mode", "turn_based")
	dofile(script_dir .. "secretary_ai.lua")
end

local settings, secretary = found.settings, found.secretary
local rate = settings.realtime_sample_rate
local url, url_problem = stream.url(settings.realtime_url, secretary.uuid, call_uuid,
	session:getVariable("caller_id_number"), found.domain_uuid, rate, settings.realtime_return_mode)
if url == nil then
	log:err(url_problem)
	return turn_based("bad realtime_url")
end

-- mod_audio_stream reads these once, at start (see docs/freeswitch.md and the realtime contract).
local variables_ok, variables = pcall(stream.variables, settings.service_token, settings.realtime_return_mode)
if not variables_ok then
	log:err(variables)
	return turn_based("unusable service_token")
end
for name, value in pairs(variables) do
	session:setVariable(name, value)
end
session:setVariable("voice_secretary_mode", "realtime")
session:answer()

-- Connect results arrive as events; subscribe before starting so none is missed.
local events = freeswitch.EventConsumer("CUSTOM", "mod_audio_stream::connect")
events:bind("CUSTOM", "mod_audio_stream::error")
events:bind("CUSTOM", "mod_audio_stream::disconnect")

local metadata = stream.metadata(session:getVariable("caller_id_name"), session:getVariable("caller_id_number"),
	session:getVariable("destination_number"))
local reply = api:executeString("uuid_audio_stream " .. call_uuid .. " start " .. url .. " mono " .. rate .. " "
	.. metadata) or ""
if not reply:match("^%+OK") then
	return turn_based("uuid_audio_stream start: " .. reply:gsub("%s+$", ""))
end
log:info("streaming to " .. url:gsub("%?.*$", "") .. " (return mode " .. settings.realtime_return_mode .. ")")

--	The next mod_audio_stream event of this call, or nil. Never blocks: the channel's media must keep flowing,
--	so waiting is done by session:sleep, which reads audio (and so feeds the stream).
local function next_event()
	while true do
		local event = events:pop(0)
		if event == nil then
			return nil
		end
		if event:getHeader("Unique-ID") == call_uuid then
			return event:getHeader("Event-Subclass"), event:getBody()
		end
	end
end

local connected, waited = false, 0
while session:ready() do
	local subclass, body = next_event()
	if subclass == "mod_audio_stream::connect" then
		connected = true
		log:info("bridge connected")
	elseif subclass == "mod_audio_stream::error" or subclass == "mod_audio_stream::disconnect" then
		log:notice(subclass .. " " .. tostring(body))
		if session:ready() then
			api:executeString("uuid_audio_stream " .. call_uuid .. " stop")
			return turn_based(connected and "the bridge closed the stream" or "the bridge refused the stream")
		end
		break
	elseif not connected and waited >= 5000 then
		api:executeString("uuid_audio_stream " .. call_uuid .. " stop")
		return turn_based("no connect event within 5 s")
	else
		session:sleep(200)
		waited = waited + 200
	end
end
if session:ready() then
	api:executeString("uuid_audio_stream " .. call_uuid .. " stop")
end

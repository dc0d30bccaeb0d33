--	voice-ai: the mode router. Decides how the secretary takes this call, sets voice_secretary_mode on the channel
--	(turn_based or realtime) and runs that mode's script.
--
--	The mode is the channel variable voice_secretary_mode when the dialplan sets one, else the secretary's
--	processing_mode. "auto" means realtime when mod_audio_stream is loaded and the bridge answers its readiness
--	check, else turn-based.
--
--	Dialplan: <action application="lua" data="voice_secretary/get_secretary_mode.lua"/> with voice_secretary_uuid
--	or voice_secretary_extension set.

local script_dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
package.path = script_dir .. "?.lua;" .. package.path

require "resources.functions.config"
local bootstrap = require "lib.bootstrap"
local http = require "lib.http"
local Log = require "lib.log"

if session == nil or not session:ready() then
	return
end

local api = freeswitch.API()
local log = Log.new("voice_secretary_mode", session:get_uuid())

local found, problem = bootstrap.call(session, argv)
if found == nil then
	log:err(problem)
	session:hangup("UNALLOCATED_NUMBER")
	return
end

--	The bridge's readiness endpoint answers on the same port as its WebSocket.
local function bridge_ready(realtime_url)
	local base = tostring(realtime_url):gsub("^ws://", "http://"):gsub("^wss://", "https://"):gsub("/+$", "")
	if not base:match("^https?://") then
		return false
	end
	local response = http.new({ base_url = base, api = api, connect_timeout = 1, timeout = 2 })
		:get("/actuator/health/readiness")
	return response.ok
end

local mode = (session:getVariable("voice_secretary_mode") or found.secretary.mode or "turn_based"):lower()
if mode == "auto" then
	local loaded = (api:execute("module_exists", "mod_audio_stream") or ""):match("^%s*true") ~= nil
	if loaded and bridge_ready(found.settings.realtime_url) then
		mode = "realtime"
	else
		log:info("auto: " .. (loaded and "the realtime bridge is not ready" or "mod_audio_stream is not loaded")
			.. ", using turn-based mode")
		mode = "turn_based"
	end
elseif mode ~= "realtime" then
	mode = "turn_based"
end
session:setVariable("voice_secretary_mode", mode)
log:info("secretary " .. found.secretary.uuid .. " in " .. mode .. " mode")
if mode == "realtime" then
	dofile(script_dir .. "voice_secretary_realtime.lua")
else
	dofile(script_dir .. "secretary_ai.lua")
end

--	voice-ai: the turn-based AI secretary.
--
--	Dialplan: <action application="lua" data="voice_secretary/secretary_ai.lua"/> with either
--	voice_secretary_uuid=<uuid> or voice_secretary_extension=<extension> set, and FusionPBX's domain_uuid and
--	domain_name on the channel. The call is answered, the greeting played, then turn after turn the caller is recorded
--	(silence ends the recording), the voice-ai service transcribes, answers and speaks, and the answer's action is
--	followed: continue, transfer (in the domain's context) or hang up after the farewell. Pressing 0 goes to the
--	operator (the secretary's transfer extension). Whatever ends the call, the conversation is closed in the service.

local script_dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
package.path = script_dir .. "?.lua;" .. package.path

require "resources.functions.config"
local bootstrap = require "lib.bootstrap"
local http = require "lib.http"
local Log = require "lib.log"
local phrase = require "lib.phrases"

if session == nil or not session:ready() then
	return
end

local api = freeswitch.API()
local call_uuid = session:get_uuid()
local log = Log.new("voice_secretary", call_uuid)
local caller_id = session:getVariable("caller_id_number")

local found, problem = bootstrap.call(session, argv)
if found == nil then
	log:err(problem)
	session:hangup("UNALLOCATED_NUMBER")
	return
end
local domain_uuid, domain_name = found.domain_uuid, found.domain_name
local settings, secretary = found.settings, found.secretary

local service = http.new({ base_url = settings.service_url, token = settings.service_token,
	domain_uuid = domain_uuid, timeout = settings.http_timeout, api = api })
local sample_rate = (tonumber(session:getVariable("read_rate") or "") or 8000) >= 16000 and 16000 or 8000

--	What happened, for the conversation's end record. final_action stays "abandoned" unless the flow decides.
local call = { started = os.time(), final_action = "abandoned", transfer_extension = nil, duration = nil,
	ended = false, operator_requested = false }

local function end_conversation()
	if call.ended then
		return
	end
	call.ended = true
	local body = { final_action = call.final_action, duration_seconds = call.duration or (os.time() - call.started) }
	if call.transfer_extension ~= nil then
		body.transfer_extension = call.transfer_extension
	end
	local response = service:post("/api/v1/conversations/" .. call_uuid .. "/end", body)
	if response.ok then
		log:info("conversation closed: " .. call.final_action)
	elseif response.status == 404 then
		log:info("no conversation to close: the caller never reached the assistant")
	else
		log:warning("could not close the conversation: " .. tostring(response.error))
	end
end

--	Runs when the channel hangs up or is transferred away, even in the middle of a turn.
function voice_secretary_on_hangup(s, status)
	log:info("channel " .. tostring(status) .. " (" .. call.final_action .. ")")
	end_conversation()
end

--	DTMF during a recording or a playback: 0 asks for the operator.
function voice_secretary_on_input(s, input_type, data)
	if input_type == "dtmf" and type(data) == "table" and data.digit == "0" and secretary.operator ~= nil then
		call.operator_requested = true
		return "break"
	end
end

local function safe_destination(extension)
	return type(extension) == "string" and #extension <= 32 and extension:match("^[%w%*#%+%-%.]+$") ~= nil
end

--	Blind transfer in the domain's context: the conversation is closed first, the Lua script ends with it.
local function transfer_blind(extension, final_action)
	call.final_action = final_action
	call.transfer_extension = extension
	end_conversation()
	log:info("transfer to " .. extension .. " XML " .. domain_name)
	session:transfer(extension, "XML", domain_name)
end

local function hang_up(final_action)
	call.final_action = final_action
	end_conversation()
	if session:ready() then
		session:hangup()
	end
end

--	Speaks text through the service. false when the service could not produce it.
local function say(text)
	if text == nil or text == "" or not session:ready() then
		return true
	end
	local response = service:post("/api/v1/synthesize", { text = text, secretary_uuid = secretary.uuid,
		language = secretary.language, sample_rate = sample_rate })
	if not response.ok or type(response.body) ~= "table" or response.body.audio_file == nil then
		log:err("synthesize failed: " .. tostring(response.error))
		return false
	end
	session:streamFile(response.body.audio_file)
	return true
end

--	The service is down: the caller hears a local prompt and goes to the operator (or is let go politely).
local function service_unavailable(reason)
	log:err("voice-ai service unavailable, falling back: " .. tostring(reason))
	if session:ready() then
		session:streamFile(settings.fallback_sound)
	end
	if not session:ready() then
		return
	end
	if secretary.operator ~= nil then
		transfer_blind(secretary.operator, "error")
	else
		hang_up("error")
	end
end

local function to_operator()
	log:info("caller pressed 0: operator " .. secretary.operator)
	transfer_blind(secretary.operator, "operator")
end

--	What the secretary does when a transfer finds nobody: fallback_action of the secretary. Returns true when the
--	conversation should go on.
local function transfer_failed(extension, reason)
	log:notice("transfer to " .. extension .. " failed (" .. tostring(reason) .. "), fallback " .. secretary.fallback_action)
	call.transfer_extension = nil
	call.duration = nil
	local action = secretary.fallback_action
	if action == "voicemail" or action == "take_message" then
		if not say(phrase(secretary.language, "unavailable")) then
			return service_unavailable("synthesize")
		end
		transfer_blind("*99" .. extension, "voicemail")
	elseif (action == "operator" or action == "transfer") and secretary.operator ~= nil
			and secretary.operator ~= extension then
		transfer_blind(secretary.operator, "operator")
	elseif action == "continue" then
		call.final_action = "abandoned"
		if not say(phrase(secretary.language, "unavailable") .. " " .. phrase(secretary.language, "anything_else")) then
			service_unavailable("synthesize")
			return false
		end
		return true
	else
		say(phrase(secretary.language, "unavailable") .. " " .. (secretary.farewell or phrase(secretary.language, "farewell")))
		hang_up("no_answer")
	end
	return false
end

--	Transfer the assistant decided on. A local user is rung from here (after a presence check when the secretary
--	has it on) so that nobody answering leads to the fallback action; any other destination (ring group, queue,
--	IVR, external number) is a blind transfer into the domain's dialplan. Returns true when the conversation goes on.
local function transfer(extension)
	if not safe_destination(extension) then
		log:warning("the assistant asked for an unusable destination: " .. tostring(extension))
		return transfer_failed(tostring(extension), "invalid destination")
	end
	local is_user = api:execute("user_exists", "id " .. extension .. " " .. domain_name):match("^%s*true") ~= nil
	if not is_user then
		transfer_blind(extension, "transfer")
		return false
	end
	if secretary.presence_check then
		local contact = api:execute("sofia_contact", "*/" .. extension .. "@" .. domain_name) or ""
		if contact == "" or contact:match("^error") then
			return transfer_failed(extension, "not registered")
		end
	end
	call.final_action = "transfer"
	call.transfer_extension = extension
	call.duration = os.time() - call.started
	session:setVariable("continue_on_fail", "true")
	session:setVariable("hangup_after_bridge", "true")
	session:setVariable("call_timeout", "30")
	log:info("ringing " .. extension .. "@" .. domain_name)
	session:execute("bridge", "user/" .. extension .. "@" .. domain_name)
	if not session:ready() then
		end_conversation()
		return false
	end
	return transfer_failed(extension, session:getVariable("originate_disposition"))
end

--	Records the caller until silence; the file lives in the directory shared with the service.
local function record(turn)
	local path = settings.audio_dir .. "/voice_secretary_" .. call_uuid .. "_" .. turn .. ".wav"
	local silence_seconds = math.max(1, math.floor((secretary.silence_timeout_ms + 999) / 1000))
	session:recordFile(path, secretary.max_recording_seconds, settings.silence_threshold, silence_seconds)
	return path
end

--	What the caller said: text (may be empty), or nil and the failure when the service is down.
local function transcribe(path)
	local response = service:post("/api/v1/transcribe", { audio_file = path, language = secretary.language,
		secretary_uuid = secretary.uuid })
	os.remove(path)
	if response.ok and type(response.body) == "table" then
		return response.body.text or ""
	end
	if response.status >= 400 and response.status < 500 and response.status ~= 401 and response.status ~= 404 then
		-- unreadable or empty audio: the caller is asked again, as for silence
		log:warning("recording refused: " .. tostring(response.error))
		return ""
	end
	return nil, response.error
end

local function conversation()
	session:answer()
	session:setHangupHook("voice_secretary_on_hangup")
	session:setInputCallback("voice_secretary_on_input", "")
	log:info("secretary " .. secretary.name .. " (" .. secretary.uuid .. ") answers " .. tostring(caller_id))
	--	The conversation exists from the first second, so even a call that never reaches the assistant is recorded
	--	and closed. A failure here is not fatal: /chat opens it too.
	local opened = service:put("/api/v1/conversations/" .. call_uuid, { secretary_uuid = secretary.uuid,
		caller_id_number = caller_id, processing_mode = "turn_based" })
	if not opened.ok then
		log:warning("could not open the conversation: " .. tostring(opened.error))
	end

	if not say(secretary.greeting or phrase(secretary.language, "greeting")) then
		return service_unavailable("synthesize")
	end
	local turns, silences = 0, 0
	while session:ready() do
		if call.operator_requested then
			return to_operator()
		end
		if turns >= secretary.max_turns or os.time() - call.started >= secretary.max_duration_seconds then
			log:notice("turn or time limit reached after " .. turns .. " turns")
			local action = secretary.fallback_action
			if (action == "operator" or action == "transfer") and secretary.operator ~= nil then
				return transfer_blind(secretary.operator, "max_turns")
			end
			say(secretary.farewell or phrase(secretary.language, "farewell"))
			return hang_up("max_turns")
		end
		local path = record(turns + 1)
		if not session:ready() then
			os.remove(path)
			return
		end
		if call.operator_requested then
			os.remove(path)
			return to_operator()
		end
		local heard, failure = transcribe(path)
		if heard == nil then
			return service_unavailable(failure)
		end
		heard = heard:gsub("^%s+", ""):gsub("%s+$", "")
		if heard == "" then
			silences = silences + 1
			if silences >= 2 then
				say(phrase(secretary.language, "goodbye"))
				return hang_up("no_input")
			end
			if not say(secretary.fallback_message or phrase(secretary.language, "reprompt")) then
				return service_unavailable("synthesize")
			end
		else
			silences = 0
			turns = turns + 1
			local response = service:post("/api/v1/chat", { session_id = call_uuid, secretary_uuid = secretary.uuid,
				user_message = heard, caller_id = caller_id })
			if not response.ok or type(response.body) ~= "table" then
				return service_unavailable(response.error)
			end
			local reply = response.body
			local action = reply.action or "continue"
			local text = reply.text
			if action == "hangup" and (text == nil or text == "") then
				text = secretary.farewell or phrase(secretary.language, "farewell")
			end
			if not say(text) then
				return service_unavailable("synthesize")
			end
			if not session:ready() then
				return
			end
			if call.operator_requested then
				return to_operator()
			end
			if action == "transfer" then
				if not transfer(reply.transfer_extension or secretary.operator) then
					return
				end
			elseif action == "hangup" then
				return hang_up("hangup")
			end
		end
	end
end

conversation()
-- a normal end without hang-up (e.g. the dialplan continues): the conversation is closed all the same
end_conversation()

--	voice-ai: the mod_audio_stream side of the realtime contract: the bridge URL, the STREAM_* channel variables and
--	the metadata token.

local stream = {}

local UUID = "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"

--	<realtime_url>/stream/{secretary_uuid}/{call_uuid}[/{caller}]?domain_uuid=..&rate=..&return_mode=..
--	mod_audio_stream accepts only ws:// or wss://, a host of letters, digits, '-' and '.', and a path after the port.
function stream.url(base, secretary_uuid, call_uuid, caller, domain_uuid, rate, return_mode)
	base = tostring(base or ""):gsub("/+$", "")
	if not base:match("^wss?://[%w%-%.]+:?%d*$") and not base:match("^wss?://[%w%-%.]+:?%d*/[%w%-%._~/]*$") then
		return nil, "realtime_url must look like ws://host:port (no user, no query): " .. base
	end
	for _, id in ipairs({ secretary_uuid, call_uuid, domain_uuid }) do
		if not tostring(id):match(UUID) then
			return nil, "not a UUID: " .. tostring(id)
		end
	end
	local path = base .. "/stream/" .. secretary_uuid .. "/" .. call_uuid
	if caller ~= nil and caller:match("^%+?%d+$") then
		path = path .. "/" .. caller
	end
	return path .. "?domain_uuid=" .. domain_uuid .. "&rate=" .. rate .. "&return_mode=" .. return_mode
end

--	Channel variables to set before uuid_audio_stream start.
function stream.variables(token, return_mode)
	local variables = { STREAM_MESSAGE_DEFLATE = "true", STREAM_HEART_BEAT = "15" }
	if token ~= nil and token ~= "" then
		-- JSON object of string values; the token is checked to need no escaping
		if token:find("[%c\"\\]") then
			error("voice_secretary/service_token must not contain quotes, backslashes or control characters")
		end
		variables.STREAM_EXTRA_HEADERS = '{"Authorization":"Bearer ' .. token .. '"}'
	end
	if return_mode == "raw" then
		variables.STREAM_PLAYBACK = "true"
	end
	return variables
end

local function clean(value)
	-- the metadata token must hold no quote or backslash (FreeSWITCH's argument parser would eat them)
	return (tostring(value or ""):gsub("[%c\"'\\]", ""))
end

--	Compact JSON for the 6th argument of uuid_audio_stream start (sent as the first text frame).
function stream.metadata(caller_id_name, caller_id_number, destination_number)
	return '{"caller_id_name":"' .. clean(caller_id_name) .. '","caller_id_number":"' .. clean(caller_id_number)
		.. '","destination_number":"' .. clean(destination_number) .. '"}'
end

return stream

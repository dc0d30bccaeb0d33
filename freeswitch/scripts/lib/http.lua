--	voice-ai: HTTP to the voice-ai service through mod_curl, the way FusionPBX's own scripts call out
--	(freeswitch.API():execute("curl", ...)): no process is forked and no shell ever sees the data.
--
--	mod_curl splits its arguments on spaces (at most 30), honours single quotes and backslash escapes, and
--	percent-decodes the request body. So the JSON body is percent-encoded into one token that holds no space, quote or
--	backslash, the Authorization header (which has a space) is single-quoted, and a token holding a quote, backslash or
--	space is refused instead of being sent half. With the "json" option mod_curl answers
--	{"status_code":"200","body":"...",...}, which gives the HTTP status; its reply is capped by curl.conf.xml's
--	max-bytes (64000 by default), so every endpoint used here answers small JSON documents.

local json = require "lib.json"

local http = {}
http.__index = http

local function percent_encode(text)
	return (text:gsub("[^%w%-%._~]", function(c)
		return string.format("%%%02X", c:byte())
	end))
end
http.percent_encode = percent_encode

--	A client of one service for one domain.
--	options: base_url, token (may be empty: no header), domain_uuid, connect_timeout and timeout (seconds),
--	api (freeswitch.API(); one is made when absent)
function http.new(options)
	local self = setmetatable({}, http)
	self.base_url = (options.base_url or ""):gsub("/+$", "")
	self.token = options.token
	self.domain_uuid = options.domain_uuid
	self.connect_timeout = options.connect_timeout or 2
	self.timeout = options.timeout or 15
	self.api = options.api or freeswitch.API()
	return self
end

local function safe_token(text)
	return type(text) == "string" and text ~= "" and not text:find("[%s'\\\"]")
end

--	The mod_curl argument line for one request (exposed for tests and for the operator's debug log).
function http:arguments(method, path, body)
	local url = self.base_url .. path
	if not safe_token(url) then
		return nil, "the service URL must not contain spaces or quotes: " .. url
	end
	local args = { url, "json", "connect-timeout", tostring(self.connect_timeout), "timeout", tostring(self.timeout) }
	if self.token ~= nil and self.token ~= "" then
		if not safe_token(self.token) then
			return nil, "the service token (voice_secretary/service_token) must not contain spaces or quotes"
		end
		args[#args + 1] = "append_headers"
		args[#args + 1] = "'Authorization: Bearer " .. self.token .. "'"
	end
	if self.domain_uuid ~= nil then
		if not tostring(self.domain_uuid):match("^[%x%-]+$") then
			return nil, "domain_uuid is not a UUID"
		end
		args[#args + 1] = "append_headers"
		args[#args + 1] = "X-Domain-UUID:" .. self.domain_uuid
	end
	method = method:lower()
	if body ~= nil then
		args[#args + 1] = "content-type"
		args[#args + 1] = "application/json"
		args[#args + 1] = method
		args[#args + 1] = percent_encode(json.encode(body))
	else
		args[#args + 1] = method
	end
	return table.concat(args, " ")
end

--	Sends one request. Returns a response table:
--	ok (2xx), status (0 when the service could not be reached), body (decoded JSON or nil), error (text or nil).
function http:request(method, path, body)
	local arguments, problem = self:arguments(method, path, body)
	if not arguments then
		return { ok = false, status = 0, error = problem }
	end
	local raw = self.api:execute("curl", arguments)
	local reply = json.try_decode(raw)
	if type(reply) ~= "table" then
		return { ok = false, status = 0, error = "mod_curl: " .. tostring(raw):sub(1, 200) }
	end
	local status = tonumber(reply.status_code) or 0
	local decoded = json.try_decode(reply.body)
	local response = { ok = status >= 200 and status < 300, status = status, body = decoded }
	if status == 0 then
		response.error = "no answer from " .. self.base_url .. " (curl exit code " .. tostring(reply.exit_code) .. ")"
	elseif not response.ok then
		local detail = type(decoded) == "table" and (decoded.detail or decoded.title) or tostring(reply.body or "")
		response.error = "HTTP " .. status .. " from " .. path .. ": " .. tostring(detail):sub(1, 300)
	end
	return response
end

function http:post(path, body)
	return self:request("post", path, body or {})
end

function http:put(path, body)
	return self:request("put", path, body or {})
end

function http:get(path)
	return self:request("get", path, nil)
end

return http

-- Test stand-in for FreeSWITCH's mod_curl API ("curl" through freeswitch.API():execute). It parses its argument
-- line the way FreeSWITCH does (switch_separate_string on blanks: at most 30 tokens, single quotes group and are
-- stripped, a backslash escapes the next character; then mod_curl's options; the data token is percent-decoded),
-- refuses what mod_curl would not understand, performs the request for real with LuaSocket, and answers as mod_curl's
-- "json" option does: {"exit_code":"0","status_code":"200","body":"...","headers":[...]}. The body is cut at
-- max-bytes (64000, curl.conf.xml's default) with curl's write error, as mod_curl does.
local http = require "socket.http"
local ltn12 = require "ltn12"
local cjson = require "cjson"

local mod_curl = {}

local MAX_BYTES = 64000

--	FreeSWITCH's blank-delimited tokenizer followed by its quote/escape clean-up.
function mod_curl.tokenize(line)
	local tokens, current, quoted, i = {}, nil, false, 1
	while i <= #line do
		local c = line:sub(i, i)
		if current == nil then
			if c ~= " " then
				current = ""
			else
				i = i + 1
				goto continue
			end
		end
		if c == "\\" then
			local nxt = line:sub(i + 1, i + 1)
			current = current .. nxt
			i = i + 2
			goto continue
		elseif c == "'" then
			quoted = not quoted
		elseif c == " " and not quoted then
			tokens[#tokens + 1] = current
			current = nil
		else
			current = current .. c
		end
		i = i + 1
		::continue::
	end
	if current ~= nil then
		tokens[#tokens + 1] = current
	end
	return tokens
end

local function url_decode(text)
	return (text:gsub("%%(%x%x)", function(hex) return string.char(tonumber(hex, 16)) end))
end

function mod_curl.execute(line)
	local argv = mod_curl.tokenize(line)
	assert(#argv <= 30, "mod_curl takes at most 30 arguments, got " .. #argv)
	local url = argv[1]
	assert(url and url:match("^https?://"), "mod_curl: first argument must be the URL, got " .. tostring(url))
	local method, data, json_output, content_type = "GET", nil, false, nil
	local headers, connect_timeout, timeout = {}, nil, nil
	local i = 2
	while i <= #argv do
		local option = argv[i]
		if option == "json" then
			json_output = true
		elseif option == "headers" or option == "insecure" or option == "secure" then
			-- accepted, not needed by the stand-in
		elseif option == "content-type" then
			i = i + 1
			content_type = assert(argv[i], "content-type needs a value")
		elseif option == "connect-timeout" then
			i = i + 1
			connect_timeout = assert(tonumber(argv[i]), "connect-timeout needs seconds")
		elseif option == "timeout" then
			i = i + 1
			timeout = assert(tonumber(argv[i]), "timeout needs seconds")
		elseif option == "append_headers" then
			i = i + 1
			local header = assert(argv[i], "append_headers needs a header")
			local name, value = header:match("^([^:]+):%s*(.*)$")
			assert(name, "append_headers value must be name:value, got " .. header)
			headers[#headers + 1] = { name = name, value = value }
			assert(#headers <= 10, "mod_curl allows at most 10 append_headers")
		elseif option == "get" or option == "head" or option == "post" or option == "delete" or option == "put"
				or option == "patch" then
			method = option:upper()
			if i < #argv then
				i = i + 1
				data = url_decode(argv[i])
				assert(i == #argv, "mod_curl: nothing may follow the data token; the body was split on a space?")
			end
		else
			error("mod_curl stand-in: unknown argument '" .. option .. "' (would be ignored by mod_curl)")
		end
		i = i + 1
	end
	local request_headers = {}
	for _, header in ipairs(headers) do
		request_headers[header.name:lower()] = header.value
	end
	if data ~= nil then
		request_headers["content-length"] = tostring(#data)
		if content_type and (method == "POST" or method == "PUT" or method == "PATCH" or method == "DELETE") then
			request_headers["content-type"] = content_type
		end
	end
	http.TIMEOUT = timeout or connect_timeout or 60
	local chunks = {}
	local ok, status = http.request({ url = url, method = method, headers = request_headers,
		source = data and ltn12.source.string(data) or nil, sink = ltn12.sink.table(chunks) })
	local body = table.concat(chunks)
	local exit_code = "0"
	if ok == nil then
		-- curl: 7 = could not connect, 28 = timed out
		exit_code = tostring(status):match("timeout") and "28" or "7"
		status, body = 0, ""
	elseif #body > MAX_BYTES then
		exit_code, body = "23", body:sub(1, MAX_BYTES)
	end
	mod_curl.last = { method = method, url = url, headers = request_headers, data = data, status = status }
	if not json_output then
		return body
	end
	return cjson.encode({ exit_code = exit_code, status_code = tostring(status), body = body, headers = {} })
end

return mod_curl

-- wrk script: authenticated ZenoPay webhooks, every tenth a duplicate of an earlier delivery
local key = os.getenv("ZENO_KEY") or "sandbox-zenopay-key"
local run = os.getenv("RUN") or tostring(os.time())
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
function request()
  counter = counter + 1
  local id
  if counter % 10 == 0 then
    id = "bench-" .. run .. "-" .. tid .. "-" .. (counter - 1)
  else
    id = "bench-" .. run .. "-" .. tid .. "-" .. counter
  end
  local body = '{"order_id":"' .. id .. '","payment_status":"COMPLETED","reference":"R' .. id .. '"}'
  return wrk.format("POST", "/webhooks/zeno", { ["Content-Type"] = "application/json", ["x-api-key"] = key }, body)
end

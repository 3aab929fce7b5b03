-- The budgets of one model, changed in one atomic step by the rules of LocalBudgetStore: one fixed window per
-- resource and length, whose count every take lowers, whose reset the server's headers set, and which starts full
-- again once its reset has passed.
--
-- KEYS[1]  the model's budgets: a hash with, per budget (such as "tokens:minute"), the fields limit, remaining,
--          reset (epoch ms), length (ms), reported ("1" once the server reported on it) and lengthReported; and,
--          until the server first reports on the model, what was taken: pending:requests and pending:tokens
-- KEYS[2]  the model's instances: a hash of each instance's id and when it last took (epoch ms)
-- ARGV     operation ("take", "giveBack" or "update"), now (epoch ms; "" for Redis's clock, which every instance
--          shares), how long a key is kept idle (ms), the
--          instance's id, how long an instance counts in the fleet after its last take (ms), the 6 limits known in
--          advance ("" when none), then the operation's own: take: 6 amounts; giveBack: tokens (negative to take);
--          update: per budget the reported limit, remaining and reset-after (ms), each "" when not reported
-- Answers  {admitted (1 or 0), wait (ms), index of the short budget (0 when none), instances (0 when not counted)},
--          then per budget: whether it exists (1 or 0), limit, remaining, reset-after (ms), each -1 when unknown.

local NAMES = { 'requests:minute', 'requests:hour', 'requests:day', 'tokens:minute', 'tokens:hour', 'tokens:day' }
local NOMINAL = { 60000, 3600000, 86400000, 60000, 3600000, 86400000 }
local FIRST_TOKENS = 4
local OWN = 12

local op = ARGV[1]
local now = tonumber(ARGV[2])
if now == nil then
  -- Redis before 7 replicates a script that reads the time by its effects only when told to
  if redis.replicate_commands ~= nil then
    redis.replicate_commands()
  end
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local keepIdle = tonumber(ARGV[3])

local function number(value)
  if value == nil or value == false or value == '' then
    return nil
  end
  return tonumber(value)
end

local stored = {}
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  stored[fields[i]] = fields[i + 1]
end

-- until the server first reports on the model, what was taken (less what was given back): the first report lowers
-- its remainders by it, since the server has not seen the calls still on their way to it (nor told them apart)
local learning = stored['learnt'] ~= '1'
local pendingRequests = number(stored['pending:requests']) or 0
local pendingTokens = number(stored['pending:tokens']) or 0
local learningChanged = false

local budgets = {}
for i = 1, 6 do
  local name = NAMES[i]
  local b = {
    limit = number(stored[name .. ':limit']),
    remaining = number(stored[name .. ':remaining']),
    reset = number(stored[name .. ':reset']),
    length = number(stored[name .. ':length']) or NOMINAL[i],
    reported = stored[name .. ':reported'] == '1',
    lengthReported = stored[name .. ':lengthReported'] == '1',
    changed = false
  }
  b.exists = b.limit ~= nil or b.remaining ~= nil or b.reported
  if not b.exists then
    local initial = number(ARGV[5 + i])
    if initial ~= nil then
      b.limit = initial
      b.remaining = initial
      b.exists = true
      b.changed = true
    end
  end
  budgets[i] = b
end

-- starts the window afresh once its reset has passed
local function roll(b)
  if b.reset ~= nil and now >= b.reset then
    if b.limit ~= nil then
      b.remaining = b.limit
    end
    b.reset = b.reset + b.length * (math.floor((now - b.reset) / b.length) + 1)
    b.changed = true
  end
end

-- an amount larger than the whole window fits a full window, so that the server, not the throttle, answers it
local function fits(b, amount)
  if amount == 0 or b.remaining == nil then
    return true
  end
  local needed = amount
  if b.limit ~= nil then
    needed = math.min(amount, b.limit)
  end
  return b.remaining >= needed
end

local admitted, wait, shortOf, instances = 1, 0, 0, 0

if op == 'take' then
  for i = 1, 6 do
    local b = budgets[i]
    if b.exists then
      roll(b)
      if not fits(b, tonumber(ARGV[OWN + i - 1])) then
        local until_reset = b.length
        if b.reset ~= nil then
          until_reset = b.reset - now
        end
        if admitted == 1 or until_reset > wait then
          wait = until_reset
          shortOf = i
        end
        admitted = 0
      end
    end
  end
  if admitted == 1 and learning then
    pendingRequests = pendingRequests + tonumber(ARGV[OWN])
    pendingTokens = pendingTokens + tonumber(ARGV[OWN + FIRST_TOKENS - 1])
    learningChanged = true
  end
  local any = false
  for i = 1, 6 do
    local b = budgets[i]
    if b.exists then
      any = true
      if admitted == 1 then
        if b.remaining ~= nil then
          b.remaining = math.max(0, b.remaining - tonumber(ARGV[OWN + i - 1]))
        end
        if b.reset == nil then
          b.reset = now + b.length
        end
        b.changed = true
      end
    end
  end
  -- the fleet: the instances that took in the last while, each of which keeps to its share while Redis is away
  if any then
    local memory = tonumber(ARGV[5])
    redis.call('HSET', KEYS[2], ARGV[4], string.format('%d', now))
    local seen = redis.call('HGETALL', KEYS[2])
    for i = 1, #seen, 2 do
      if now - tonumber(seen[i + 1]) > memory then
        redis.call('HDEL', KEYS[2], seen[i])
      else
        instances = instances + 1
      end
    end
    redis.call('PEXPIRE', KEYS[2], string.format('%d', memory))
  end
elseif op == 'giveBack' then
  local amount = tonumber(ARGV[OWN])
  if learning then
    pendingTokens = math.max(0, pendingTokens - amount)
    learningChanged = true
  end
  for i = FIRST_TOKENS, 6 do
    local b = budgets[i]
    if b.exists then
      roll(b)
      if b.remaining ~= nil then
        local more = math.max(0, b.remaining + amount)
        if b.limit ~= nil then
          more = math.min(b.limit, more)
        end
        b.remaining = more
        b.changed = true
      end
    end
  end
elseif op == 'update' then
  local reportedAny = false
  for i = 1, 6 do
    local at = OWN + (i - 1) * 3
    local limit, remaining, resetAfter = number(ARGV[at]), number(ARGV[at + 1]), number(ARGV[at + 2])
    if limit ~= nil or remaining ~= nil or resetAfter ~= nil then
      local b = budgets[i]
      reportedAny = true
      roll(b)
      b.exists = true
      b.changed = true
      if limit ~= nil then
        b.limit = limit
      end
      local reportedReset = nil
      if resetAfter ~= nil and resetAfter >= 0 then
        reportedReset = now + resetAfter
      end
      local first = not b.reported
      b.reported = true
      if remaining ~= nil then
        -- a later window is one whose reset is more than half a window after this one's
        local later = reportedReset ~= nil and (b.reset == nil or reportedReset > b.reset + b.length / 2)
        if first and learning then
          local unseen = pendingRequests
          if i >= FIRST_TOKENS then
            unseen = pendingTokens
          end
          b.remaining = math.max(0, remaining - unseen)
        elseif first or b.remaining == nil or later then
          b.remaining = remaining
        else
          -- within a window a higher remainder does not raise the count: the server has not seen the calls in flight
          b.remaining = math.min(b.remaining, remaining)
        end
      end
      if reportedReset ~= nil then
        b.reset = reportedReset
        -- the first reported reset replaces the nominal length, later ones can only lengthen it
        if resetAfter > 0 and (not b.lengthReported or resetAfter > b.length) then
          b.length = resetAfter
          b.lengthReported = true
        end
      end
    end
  end
  if reportedAny and learning then
    learning = false
    learningChanged = true
  end
else
  return redis.error_reply('unknown operation ' .. tostring(op))
end

if learningChanged then
  if learning then
    redis.call('HSET', KEYS[1], 'pending:requests', string.format('%d', pendingRequests), 'pending:tokens',
      string.format('%d', pendingTokens))
  else
    redis.call('HSET', KEYS[1], 'learnt', '1')
    redis.call('HDEL', KEYS[1], 'pending:requests', 'pending:tokens')
  end
end

local keep = 0
if learningChanged then
  keep = 1
end
for i = 1, 6 do
  local b = budgets[i]
  if b.changed then
    local name = NAMES[i]
    local set, unset = {}, {}
    local values = { limit = b.limit, remaining = b.remaining, reset = b.reset, length = b.length }
    for _, field in ipairs({ 'limit', 'remaining', 'reset', 'length' }) do
      if values[field] ~= nil then
        table.insert(set, name .. ':' .. field)
        table.insert(set, string.format('%d', values[field]))
      else
        table.insert(unset, name .. ':' .. field)
      end
    end
    table.insert(set, name .. ':reported')
    table.insert(set, b.reported and '1' or '0')
    table.insert(set, name .. ':lengthReported')
    table.insert(set, b.lengthReported and '1' or '0')
    redis.call('HSET', KEYS[1], unpack(set))
    if #unset > 0 then
      redis.call('HDEL', KEYS[1], unpack(unset))
    end
  end
  if b.exists then
    local until_end = b.length
    if b.reset ~= nil then
      until_end = math.max(0, b.reset - now)
    end
    keep = math.max(keep, until_end)
  end
end
if keep > 0 then
  -- a budget is kept until its window ends and then for the idle time, after which it is learnt again
  redis.call('PEXPIRE', KEYS[1], string.format('%d', keep + keepIdle))
end

local answer = { admitted, wait, shortOf, instances }
for i = 1, 6 do
  local b = budgets[i]
  local resetAfter = -1
  if b.reset ~= nil then
    resetAfter = math.max(0, b.reset - now)
  end
  table.insert(answer, b.exists and 1 or 0)
  table.insert(answer, b.limit or -1)
  table.insert(answer, b.remaining or -1)
  table.insert(answer, resetAfter)
end
return answer

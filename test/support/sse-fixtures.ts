/**
 * Server-sent events copied verbatim, shared by the SSE decoder's properties and the streaming fetch
 * tests: Anthropic's streaming docs
 * (https://docs.claude.com/en/docs/build-with-claude/streaming#error-events) and the chunk shape
 * openai-node raises on (src/core/streaming.ts, `data.error`).
 */
export const ANTHROPIC_START = 'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[]}}\n\n';
export const ANTHROPIC_PING = 'event: ping\ndata: {"type": "ping"}\n\n';
export const ANTHROPIC_DELTA = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}\n\n';
export const ANTHROPIC_OVERLOADED = 'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n';
export const OPENAI_CHUNK = 'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n';
export const OPENAI_RATE = 'data: {"error":{"message":"Rate limit reached for gpt-4o. Please try again in 20s.","type":"requests","param":null,"code":"rate_limit_exceeded"}}\n\n';

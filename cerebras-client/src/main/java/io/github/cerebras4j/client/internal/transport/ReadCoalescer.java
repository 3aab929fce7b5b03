package io.github.cerebras4j.client.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * Hands on the body bytes that one network read brings of an event stream as one piece. A streaming server writes
 * every event as an HTTP chunk of its own, so a read that carries several events is decoded into as many pieces, and
 * each would travel alone through Reactor Netty, WebClient and the stream's operators, and wake a blocking reader
 * alone. This handler, right behind the HTTP codec, joins the pieces of a read into one buffer and passes it on when
 * the read is complete, or before anything that is not a body piece (the next response's head, the last piece, an
 * error), so no byte is held beyond the read that brought it: a token that arrives alone is passed on as soon as it
 * is read.
 *
 * <p>Nothing else changes: the same bytes arrive in the same order, a body piece that a read brings alone is passed
 * on as it is, and the bodies of responses that are not {@code text/event-stream} pass untouched.
 */
final class ReadCoalescer extends ChannelInboundHandlerAdapter {

	/** The name of this handler in a channel's pipeline. */
	static final String NAME = "cerebras.readCoalescer";

	private static final String EVENT_STREAM = "text/event-stream";

	private @Nullable ByteBuf pending;

	private boolean eventStream;

	private ReadCoalescer() {
	}

	/**
	 * Adds a coalescer behind the HTTP/1.1 codec of a channel's pipeline; a pipeline without that codec is left
	 * as it is.
	 * @param channel a new channel of the client
	 */
	static void install(Channel channel) {
		ChannelPipeline pipeline = channel.pipeline();
		if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NAME) == null) {
			pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new ReadCoalescer());
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.eventStream && msg instanceof HttpContent content && !(msg instanceof LastHttpContent)
				&& !(msg instanceof HttpMessage) && content.decoderResult().isSuccess()) {
			add(ctx, content.content());
			return;
		}
		passOn(ctx);
		if (msg instanceof HttpResponse head) {
			this.eventStream = isEventStream(head);
		}
		ctx.fireChannelRead(msg);
	}

	private static boolean isEventStream(HttpResponse head) {
		String contentType = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
		return contentType != null && contentType.regionMatches(true, 0, EVENT_STREAM, 0, EVENT_STREAM.length());
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		passOn(ctx);
		ctx.fireChannelReadComplete();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		passOn(ctx);
		ctx.fireExceptionCaught(cause);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		passOn(ctx);
		ctx.fireChannelInactive();
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		ByteBuf held = this.pending;
		if (held != null) {
			this.pending = null;
			held.release();
		}
	}

	private void add(ChannelHandlerContext ctx, ByteBuf piece) {
		ByteBuf held = this.pending;
		// the merge cumulator copies a held slice of the codec's buffer into one that can grow, then appends in place
		this.pending = (held != null) ? ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), held, piece) : piece;
	}

	private void passOn(ChannelHandlerContext ctx) {
		ByteBuf held = this.pending;
		if (held != null) {
			this.pending = null;
			ctx.fireChannelRead(new DefaultHttpContent(held));
		}
	}

}

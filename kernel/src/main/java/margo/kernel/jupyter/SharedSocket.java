package margo.kernel.jupyter;

import java.util.List;
import org.zeromq.ZMQ;

/**
 * A ZeroMQ socket that several threads send on, one message at a time (a ZeroMQ socket is not thread-safe;
 * the lock also carries it safely from thread to thread). Nobody receives on it. A send never blocks: a message
 * that cannot be queued (no peer, as when the kernel is stopping, or a full queue) is dropped, as PUB drops it
 * anyway. Once closed, sends are dropped.
 */
final class SharedSocket {

    private final ZMQ.Socket socket;
    private boolean closed;

    SharedSocket(ZMQ.Socket socket) {
        this.socket = socket;
    }

    synchronized void send(List<byte[]> frames) {
        if (!closed) {
            for (int i = 0; i < frames.size(); i++) {
                if (!socket.send(frames.get(i), ZMQ.DONTWAIT | (i < frames.size() - 1 ? ZMQ.SNDMORE : 0))) {
                    return;
                }
            }
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            socket.close();
        }
    }
}

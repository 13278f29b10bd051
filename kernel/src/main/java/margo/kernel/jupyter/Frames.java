package margo.kernel.jupyter;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Multipart messages as lists of frames, on a socket the calling thread owns. */
final class Frames {

    private Frames() {
    }

    /** Every frame of the next message; empty when the socket was closed or its context ended. */
    static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null) {
                return List.of();
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        return frames;
    }

    static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}

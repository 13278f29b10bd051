package margo.kernel.jupyter;

import com.google.gson.JsonObject;

/**
 * What {@link KernelServer} asks of the language it serves; the server does the protocol (sockets, signing,
 * status, counting, history, aborting after errors), the language only runs code and answers questions about
 * it. {@link #execute} and {@link #evaluate} run on the one cell thread, one at a time; the others are called
 * on the channel threads, also while a cell runs, so they must not wait for it.
 */
public interface Language {

    /** The kernel_info_reply content but for {@code status}: protocol and implementation versions, language_info, banner. */
    JsonObject info();

    /** Runs one cell; {@code cellNumber} is its {@code In[N]}. May throw anything: the server reports it. */
    CellResult execute(String code, int cellNumber, CellOutput output);

    /** A user expression of an execute request, evaluated after its cell without changing any binding. */
    CellResult evaluate(String expression);

    /** The complete_reply content but for {@code status}: matches, cursor_start, cursor_end, metadata. */
    JsonObject complete(String code, int cursor);

    /** The inspect_reply content but for {@code status}: found, data, metadata. */
    JsonObject inspect(String code, int cursor, int detailLevel);

    /** The is_complete_reply content: {@code status} (complete, incomplete, invalid, unknown) and {@code indent}. */
    JsonObject isComplete(String code);

    /** Stops the running cell, if any, which then ends with an error; the kernel and its state stay. */
    void interrupt();
}

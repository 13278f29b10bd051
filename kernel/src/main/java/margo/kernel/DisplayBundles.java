package margo.kernel;

import margo.dsl.output.HtmlRenderer;
import margo.dsl.output.TextRenderer;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import margo.dsl.value.Value;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A shown value as a Jupyter MIME bundle. Every value has {@code text/plain}, the CLI's text rendering;
 * a table also has {@code text/html}, which notebooks display instead. A scalar stays plain text, as
 * a number looks best in the notebook's monospace output.
 */
final class DisplayBundles {

    private DisplayBundles() {
    }

    static DisplayData of(Value value) {
        DisplayData bundle = new DisplayData(TextRenderer.render(value));
        if (value instanceof TableValue || value instanceof TabulatedValue) {
            bundle.putHTML(HtmlRenderer.render(value));
        }
        return bundle;
    }
}

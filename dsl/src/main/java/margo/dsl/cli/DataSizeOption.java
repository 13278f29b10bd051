package margo.dsl.cli;

import margo.core.io.DataFile;
import margo.dsl.run.DataLimit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --max-data-size SIZE}: the largest data file a recipe may read, for {@code run} and {@code check}. */
final class DataSizeOption {

    @Option(names = "--max-data-size", paramLabel = "SIZE", converter = Converter.class,
            description = "The largest data file (chain, book, history) a recipe may read, such as 512M or 2G;"
                    + " default 512M. Larger files are refused before they are read.")
    long maxDataBytes = DataFile.DEFAULT_MAX_BYTES;

    DataLimit limit() {
        return DataLimit.commandLine(maxDataBytes);
    }

    /** A size such as {@code 512M}; anything else is a usage error naming it. */
    static final class Converter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return DataFile.parseSize(text);
            } catch (IllegalArgumentException notASize) {
                throw new CommandLine.TypeConversionException(notASize.getMessage());
            }
        }
    }
}

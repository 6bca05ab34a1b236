using ZXing;
using ZXing.Common;
using ZXing.Datamatrix;

namespace Ctms.Domain.Pharmacy.Labels;

/// <summary>
/// The barcodes the pharmacy's labels carry, drawn as SVG (crisp at any printer's resolution, no image library): Code 128
/// for the handheld scanners every pharmacy desk has, DataMatrix for small vials and for phone cameras. Both encode the
/// kit number (or the shipment number) alone, so a scan types exactly what the step looks up.
/// </summary>
public static class Barcodes
{
    public static string Code128Svg(string code, int width = 320, int height = 80) => Svg(code, BarcodeFormat.CODE_128, width, height);

    public static string DataMatrixSvg(string code, int size = 96) => Svg(code, BarcodeFormat.DATA_MATRIX, size, size);

    /// <summary>The bars as a matrix: what a scanner would read, for a test to decode.</summary>
    public static BitMatrix Matrix(string code, BarcodeFormat format, int width, int height) =>
        new MultiFormatWriter().encode(code, format, width, height, Hints(format));

    private static string Svg(string code, BarcodeFormat format, int width, int height)
    {
        var writer = new BarcodeWriterSvg
        {
            Format = format,
            Options = new EncodingOptions { Width = width, Height = height, Margin = 2, PureBarcode = true },
        };
        if (format == BarcodeFormat.DATA_MATRIX)
        {
            writer.Options = new DatamatrixEncodingOptions { Width = width, Height = height, Margin = 2, PureBarcode = true, SymbolShape = ZXing.Datamatrix.Encoder.SymbolShapeHint.FORCE_SQUARE };
        }
        return writer.Write(code).Content;
    }

    private static Dictionary<EncodeHintType, object> Hints(BarcodeFormat format) => format == BarcodeFormat.DATA_MATRIX
        ? new() { [EncodeHintType.DATA_MATRIX_SHAPE] = ZXing.Datamatrix.Encoder.SymbolShapeHint.FORCE_SQUARE, [EncodeHintType.MARGIN] = 2 }
        : new() { [EncodeHintType.MARGIN] = 2 };
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Ctms.Domain.Pharmacy.Labels;
using Mediator;

namespace Ctms.Api.Pharmacy;

/// <summary>
/// Printable labels (issue 10, "Labels"): a page of kit labels (one kit, several, or a whole shipment) and a shipment
/// label, each with the code as Code 128 (handheld scanners) and DataMatrix (small vials, cameras). The page is plain HTML
/// sized for a label printer (60 x 40 mm); the browser prints it. A label never carries a kit's content.
/// </summary>
internal static class LabelEndpoints
{
    public static IEndpointRouteBuilder MapLabelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/projects/{projectId:guid}/pharmacy/labels", KitLabels).WithTags("Pharmacy")
            .WithSummary("Kit labels to print, as HTML: ?kit=K-001&kit=K-002 or ?shipmentId=.");
        app.MapGet("api/shipments/{shipmentId:guid}/label", ShipmentLabel).WithTags("Pharmacy").WithSummary("The shipment's label to print, as HTML.");
        app.MapGet("api/barcodes/{format}", Barcode).WithTags("Pharmacy")
            .WithSummary("A barcode as SVG: format code128 or datamatrix, ?code=. For the studio's label previews.");
        return app;
    }

    private static async Task<IResult> KitLabels(Guid projectId, string[]? kit, Guid? shipmentId, IMediator mediator, CancellationToken ct)
    {
        var labels = await mediator.Send(new GetKitLabels(projectId, kit, shipmentId), ct);
        var body = new StringBuilder();
        foreach (var label in labels)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <section class="label" data-kit="{E(label.KitNumber)}">
                  <div class="head">{E(label.Protocol)} · 仅供临床试验使用 / For clinical trial use only</div>
                  <div class="product">{E(label.Product)} · {label.Units} {E(label.Unit)}</div>
                  <div class="codes"><div class="bars">{Barcodes.Code128Svg(label.KitNumber)}</div><div class="matrix">{Barcodes.DataMatrixSvg(label.KitNumber, 72)}</div></div>
                  <div class="number">Kit {E(label.KitNumber)}{(label.RandomCode is null ? "" : " · " + E(label.RandomCode))}</div>
                  <div class="meta">Batch {E(label.Batch)} · EXP {label.ExpiresOn:yyyy-MM-dd}{(label.Storage is null ? "" : " · " + E(label.Storage))}</div>
                </section>
                """);
        }
        return Html("Kit labels", body.ToString());
    }

    private static async Task<IResult> ShipmentLabel(Guid shipmentId, IMediator mediator, CancellationToken ct)
    {
        var label = await mediator.Send(new GetShipmentLabel(shipmentId), ct);
        return Html("Shipment label", $"""
            <section class="label" data-shipment="{E(label.Number)}">
              <div class="head">{E(label.Protocol)} · 仅供临床试验使用 / For clinical trial use only</div>
              <div class="product">Shipment {E(label.Number)} → {E(label.Destination)}</div>
              <div class="codes"><div class="bars">{Barcodes.Code128Svg(label.Number)}</div><div class="matrix">{Barcodes.DataMatrixSvg(label.Number, 72)}</div></div>
              <div class="meta">{label.Kits} kit(s){(label.Sender is null ? "" : " · " + E(label.Sender))}</div>
            </section>
            """);
    }

    private static IResult Barcode(string format, string? code)
    {
        var text = Ctms.Domain.Pharmacy.ScanCode.Clean(code);
        if (text.Length is 0 or > Ctms.Domain.Pharmacy.ScanCode.Max)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid code.",
                detail: $"A code has 1 to {Ctms.Domain.Pharmacy.ScanCode.Max} characters.");
        }
        return format switch
        {
            "code128" => Results.Text(Barcodes.Code128Svg(text), "image/svg+xml"),
            "datamatrix" => Results.Text(Barcodes.DataMatrixSvg(text), "image/svg+xml"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "The barcode formats are code128 and datamatrix."),
        };
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static IResult Html(string title, string body) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>
          @page { size: 60mm 40mm; margin: 0; }
          body { margin: 0; font-family: sans-serif; }
          .label { width: 60mm; height: 40mm; box-sizing: border-box; padding: 2mm; page-break-after: always; overflow: hidden; font-size: 7pt; }
          .head { font-weight: bold; } .product { margin: 0.5mm 0; }
          .codes { display: flex; align-items: center; gap: 1mm; height: 17mm; } .bars svg { width: 38mm; height: 15mm; } .matrix svg { width: 15mm; height: 15mm; }
          .number { font-size: 10pt; font-weight: bold; font-family: monospace; }
        </style></head>
        <body>{{body}}</body></html>
        """, "text/html", Encoding.UTF8);
}

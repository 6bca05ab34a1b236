using Ctms.Domain.Pharmacy;
using Ctms.Domain.Pharmacy.Stock;

namespace Ctms.Api.Pharmacy;

/// <summary>
/// The investigational-product module in the host (issue 10): its services and endpoints, one line per part (stock and
/// receipt, labels, transfer, prescriptions and dispensing, returns and destruction, warnings, accountability).
/// </summary>
internal static class PharmacySetup
{
    public static IServiceCollection AddCtmsPharmacy(this IServiceCollection services)
    {
        services.AddScoped<PharmacyStore>();
        services.AddScoped<StockLedger>();
        services.AddScoped<Ctms.Domain.Pharmacy.Dispensing.KitFit>();
        services.AddScoped<Ctms.Domain.Pharmacy.Dispensing.PrescriptionViews>();
        return services;
    }

    public static IEndpointRouteBuilder MapCtmsPharmacy(this IEndpointRouteBuilder app)
    {
        app.MapStockEndpoints();
        app.MapLabelEndpoints();
        app.MapDispensingEndpoints();
        app.MapReturnsEndpoints();
        app.MapTransferEndpoints();
        return app;
    }
}

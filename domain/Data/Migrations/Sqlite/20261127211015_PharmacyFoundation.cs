using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PharmacyFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ip_disposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KitNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WitnessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WitnessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_disposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_disposals_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ip_products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DrugCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitsPerKit = table.Column<int>(type: "INTEGER", nullable: false),
                    MinTemperature = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    MaxTemperature = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Storage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_products_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_locations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ip_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_batches_ip_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ip_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ip_shipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToLocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LoggedMin = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    LoggedMax = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    LoggerReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Excursion = table.Column<bool>(type: "INTEGER", nullable: false),
                    Discrepancies = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_shipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_shipments_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_shipments_stock_locations_ToLocationId",
                        column: x => x.ToLocationId,
                        principalTable: "stock_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ip_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromLocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToLocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KitNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedKitNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_transfers_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_transfers_stock_locations_FromLocationId",
                        column: x => x.FromLocationId,
                        principalTable: "stock_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_transfers_stock_locations_ToLocationId",
                        column: x => x.ToLocationId,
                        principalTable: "stock_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_movements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromLocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToLocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OnDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_movements", x => x.Id);
                    table.CheckConstraint("ck_stock_movements_units", "\"Units\" > 0");
                    table.ForeignKey(
                        name: "FK_stock_movements_ip_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ip_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_stock_movements_ip_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ip_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_stock_movements_stock_locations_FromLocationId",
                        column: x => x.FromLocationId,
                        principalTable: "stock_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_stock_movements_stock_locations_ToLocationId",
                        column: x => x.ToLocationId,
                        principalTable: "stock_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ip_kits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KitNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RandomCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Arm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PrescriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitsReturned = table.Column<int>(type: "INTEGER", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Compliance = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    DisposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitsOnSite = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarantineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_kits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_kits_ip_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ip_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_kits_ip_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ip_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_kits_ip_shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "ip_shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_kits_stock_locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "stock_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ip_prescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitsPerDay = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PrescribedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PrescribedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DispensedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DispensedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DispensedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ip_prescriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ip_prescriptions_ip_kits_KitId",
                        column: x => x.KitId,
                        principalTable: "ip_kits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_prescriptions_ip_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ip_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ip_prescriptions_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 176, "pharmacy.read", "pharmacist", "AllProjects" },
                    { 177, "pharmacy.stock", "pharmacist", "AllProjects" },
                    { 178, "pharmacy.witness", "pharmacist", "AllProjects" },
                    { 179, "pharmacy.locations", "pharmacist", "AllProjects" },
                    { 180, "pharmacy.locations", "admin", "AllProjects" },
                    { 181, "pharmacy.read", "qc-auditor", "AllProjects" },
                    { 182, "pharmacy.witness", "qc-auditor", "AllProjects" },
                    { 183, "pharmacy.read", "cti-director", "AllProjects" },
                    { 184, "pharmacy.read", "pharmacist", "Project" },
                    { 185, "pharmacy.stock", "pharmacist", "Project" },
                    { 186, "pharmacy.witness", "pharmacist", "Project" },
                    { 187, "pharmacy.read", "pi", "Project" },
                    { 188, "pharmacy.prescribe", "pi", "Project" },
                    { 189, "pharmacy.read", "sub-investigator", "Project" },
                    { 190, "pharmacy.prescribe", "sub-investigator", "Project" },
                    { 191, "pharmacy.read", "study-nurse", "Project" },
                    { 192, "pharmacy.read", "crc", "Project" },
                    { 193, "pharmacy.read", "cra", "Project" },
                    { 194, "pharmacy.witness", "cra", "Project" },
                    { 195, "pharmacy.read", "inspector", "Project" },
                    { 196, "pharmacy.return", "pharmacist", "AllProjects" },
                    { 197, "pharmacy.return", "pharmacist", "Project" },
                    { 198, "pharmacy.return", "study-nurse", "Project" }
                });

            migrationBuilder.InsertData(
                table: "stock_locations",
                columns: new[] { "Id", "Active", "Code", "Department", "Kind", "Name" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-00000000a001"), true, "SPONSOR", null, "Sponsor", "Sponsor" },
                    { new Guid("0193a000-0000-7000-8000-00000000a002"), true, "IN-TRANSIT", null, "InTransit", "In transit" },
                    { new Guid("0193a000-0000-7000-8000-00000000a003"), true, "SUBJECTS", null, "Subjects", "With subjects" },
                    { new Guid("0193a000-0000-7000-8000-00000000a004"), true, "DESTROYED", null, "Destroyed", "Destroyed" },
                    { new Guid("0193a000-0000-7000-8000-00000000a005"), true, "ADJUSTED", null, "Adjusted", "Adjusted (lost or found)" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ip_batches_ProductId_Number",
                table: "ip_batches",
                columns: new[] { "ProductId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ip_batches_ProjectId",
                table: "ip_batches",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_disposals_ProjectId",
                table: "ip_disposals",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_BatchId",
                table: "ip_kits",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_LocationId",
                table: "ip_kits",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_ProductId",
                table: "ip_kits",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_ProjectId_KitNumber",
                table: "ip_kits",
                columns: new[] { "ProjectId", "KitNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_ProjectId_Status_LocationId",
                table: "ip_kits",
                columns: new[] { "ProjectId", "Status", "LocationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_ShipmentId",
                table: "ip_kits",
                column: "ShipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_kits_SubjectId",
                table: "ip_kits",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_prescriptions_KitId",
                table: "ip_prescriptions",
                column: "KitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ip_prescriptions_ProductId",
                table: "ip_prescriptions",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_prescriptions_ProjectId_Status",
                table: "ip_prescriptions",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ip_prescriptions_SubjectId",
                table: "ip_prescriptions",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_products_ProjectId_Code",
                table: "ip_products",
                columns: new[] { "ProjectId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ip_shipments_ProjectId_Number",
                table: "ip_shipments",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ip_shipments_ToLocationId",
                table: "ip_shipments",
                column: "ToLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_transfers_FromLocationId",
                table: "ip_transfers",
                column: "FromLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ip_transfers_ProjectId_Status",
                table: "ip_transfers",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ip_transfers_ToLocationId",
                table: "ip_transfers",
                column: "ToLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_locations_Code",
                table: "stock_locations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_BatchId",
                table: "stock_movements",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_FromLocationId",
                table: "stock_movements",
                column: "FromLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_KitId",
                table: "stock_movements",
                column: "KitId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_ProductId",
                table: "stock_movements",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_ProjectId_OnDay",
                table: "stock_movements",
                columns: new[] { "ProjectId", "OnDay" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_ToLocationId",
                table: "stock_movements",
                column: "ToLocationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ip_disposals");

            migrationBuilder.DropTable(
                name: "ip_prescriptions");

            migrationBuilder.DropTable(
                name: "ip_transfers");

            migrationBuilder.DropTable(
                name: "stock_movements");

            migrationBuilder.DropTable(
                name: "ip_kits");

            migrationBuilder.DropTable(
                name: "ip_batches");

            migrationBuilder.DropTable(
                name: "ip_shipments");

            migrationBuilder.DropTable(
                name: "ip_products");

            migrationBuilder.DropTable(
                name: "stock_locations");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 176);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 177);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 178);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 179);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 180);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 181);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 182);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 183);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 184);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 185);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 186);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 187);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 188);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 189);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 190);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 191);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 192);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 193);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 194);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 195);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 196);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 197);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 198);
        }
    }
}

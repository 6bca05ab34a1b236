using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotifyModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hospital_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Resources = table.Column<int>(type: "INTEGER", nullable: false),
                    Messages = table.Column<int>(type: "INTEGER", nullable: false),
                    Stored = table.Column<int>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hospital_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hospital_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    System = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Display = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PaidByTrial = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HospitalRequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ResultedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hospital_orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hospital_orders_patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_hospital_orders_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exam_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HospitalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    System = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Display = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exam_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exam_results_hospital_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "hospital_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exam_results_HospitalId",
                table: "exam_results",
                column: "HospitalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exam_results_OrderId",
                table: "exam_results",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_exam_results_PatientId",
                table: "exam_results",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_hospital_events_EventId",
                table: "hospital_events",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hospital_orders_HospitalRequestId",
                table: "hospital_orders",
                column: "HospitalRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_hospital_orders_PatientId",
                table: "hospital_orders",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_hospital_orders_ProjectId_PatientId",
                table: "hospital_orders",
                columns: new[] { "ProjectId", "PatientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exam_results");

            migrationBuilder.DropTable(
                name: "hospital_events");

            migrationBuilder.DropTable(
                name: "hospital_orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_engine_instances_ProcessId_Id",
                table: "engine_instances",
                columns: new[] { "ProcessId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_engine_ended_instances_ProcessId_Id",
                table: "engine_ended_instances",
                columns: new[] { "ProcessId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_instances_ProcessId_Id",
                table: "engine_instances");

            migrationBuilder.DropIndex(
                name: "IX_engine_ended_instances_ProcessId_Id",
                table: "engine_ended_instances");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceListStateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_engine_ended_instances_ProcessId_Status_Id",
                table: "engine_ended_instances",
                columns: new[] { "ProcessId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_ended_instances_ProcessId_Status_Id",
                table: "engine_ended_instances");
        }
    }
}

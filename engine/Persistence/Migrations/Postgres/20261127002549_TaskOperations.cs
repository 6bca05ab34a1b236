using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DelegatedBy",
                table: "engine_tasks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "engine_tasks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "engine_history",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_CandidateGroups",
                table: "engine_tasks",
                column: "CandidateGroups",
                filter: "\"Assignee\" IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_CandidateUsers",
                table: "engine_tasks",
                column: "CandidateUsers",
                filter: "\"Assignee\" IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_CandidateGroups",
                table: "engine_tasks");

            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_CandidateUsers",
                table: "engine_tasks");

            migrationBuilder.DropColumn(
                name: "DelegatedBy",
                table: "engine_tasks");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "engine_tasks");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "engine_history");
        }
    }
}
